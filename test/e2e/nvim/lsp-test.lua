-- Headless Neovim 0.7 as a real LSP client of the built language server (stdio): for a .reg file, a boot.ini and an
-- .ldapfilter it waits for the pushed diagnostics, checks a known code, asks for a hover, and on the .reg file applies
-- a quick fix and writes the file. Run by test/e2e/nvim/run.js:
--   nvim --headless --clean -u NONE -c "luafile lsp-test.lua"   with E2E_SERVER (server script) and E2E_DIR (a copy of
--   examples/) in the environment. Prints "ok - ..." / "not ok - ..." lines and a last line "nvim-result P F".
-- Neovim 0.7 API only: vim.lsp.start_client + buf_attach_client (vim.lsp.start is 0.8+), the LSP diagnostic code is
-- under user_data.lsp.code, and `-l` does not exist yet.
local function out(s) io.stdout:write(s .. '\n') end
local passed, failed = 0, 0
local function check(name, cond, detail)
  if cond then passed = passed + 1; out('ok - ' .. name)
  else failed = failed + 1; out('not ok - ' .. name .. (detail and (': ' .. detail) or '')) end
  return cond
end
local function finish()
  out(string.format('nvim-result %d %d', passed, failed))
  vim.cmd(failed == 0 and passed > 0 and 'qall!' or 'cquit 1')
end

local server = os.getenv('E2E_SERVER')
local dir = os.getenv('E2E_DIR')
local TIMEOUT = tonumber(os.getenv('E2E_TIMEOUT_MS') or '15000')

local client_id
local function main()
client_id = vim.lsp.start_client({
  name = 'exchange-config',
  cmd = { 'node', server, '--stdio' },
  root_dir = dir,
})
if not check('server starts', client_id ~= nil) then return end

local function lsp_code(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end
local function hover_text(result)
  if not result or not result.contents then return nil end
  local c = result.contents
  if type(c) == 'string' then return c end
  if c.value then return c.value end
  local parts = {}
  for _, p in ipairs(c) do parts[#parts + 1] = type(p) == 'string' and p or p.value end
  return table.concat(parts, '\n')
end

-- Opens path with the given filetype, attaches the client, waits for a diagnostic with `code`; returns buffer and it.
local function open_and_diagnose(rel, filetype, code)
  vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/' .. rel))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = filetype
  vim.lsp.buf_attach_client(buf, client_id)
  local found
  vim.wait(TIMEOUT, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do if lsp_code(d) == code then found = d; return true end end
    return false
  end, 50)
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do codes[#codes + 1] = tostring(lsp_code(d)) end
  check(rel .. ': diagnostic ' .. code, found ~= nil, 'got [' .. table.concat(codes, ', ') .. '] within ' .. TIMEOUT .. ' ms')
  return buf, found
end

local function hover(buf, rel, line, character, expected)
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = line, character = character },
  }, TIMEOUT)
  local text
  for _, r in pairs(res or {}) do text = text or hover_text(r.result) end
  check(string.format('%s: hover at %d:%d mentions %q', rel, line + 1, character + 1, expected),
    text ~= nil and text:find(expected, 1, true) ~= nil, vim.inspect(text))
end

-- 1. Registry export (UTF-16LE with BOM, CRLF): deprecated Exchange 2000 tuning, hover, quick fix, write.
do
  local rel = 'exchange2000-upgrade/MAILSRV01-services.reg'
  local buf, d = open_and_diagnose(rel, 'reg', 'reg.deprecated-e2k-tuning')
  check(rel .. ': read as UTF-16LE with BOM and CRLF', vim.bo[buf].fileencoding == 'utf-16le' and vim.bo[buf].bomb and vim.bo[buf].fileformat == 'dos',
    vim.bo[buf].fileencoding .. ' bomb=' .. tostring(vim.bo[buf].bomb) .. ' ff=' .. vim.bo[buf].fileformat)
  local line = vim.fn.search('^"MPHeap parallelism"', 'nw') - 1
  hover(buf, rel, line, 3, 'MPHeap')
  if d then
    local target
    for _, x in ipairs(vim.diagnostic.get(buf)) do
      if lsp_code(x) == 'reg.deprecated-e2k-tuning' and x.lnum == line then target = x end
    end
    target = target or d
    local lspdiag = {
      range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } },
      message = target.message, source = target.source, code = lsp_code(target), severity = target.severity,
    }
    local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
      textDocument = vim.lsp.util.make_text_document_params(buf), range = lspdiag.range,
      context = { diagnostics = { lspdiag }, only = { 'quickfix' } },
    }, TIMEOUT)
    local action, titles = nil, {}
    for _, r in pairs(res or {}) do
      for _, a in ipairs(r.result or {}) do
        titles[#titles + 1] = a.title
        if not action and a.edit and a.title:find('=-', 1, true) then action = a end
      end
    end
    if check(rel .. ': quick fix writing a deletion entry is offered', action ~= nil, vim.inspect(titles)) then
      out('# code action: ' .. action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      local now = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
      check(rel .. ': buffer line is now "MPHeap parallelism"=-', now == '"MPHeap parallelism"=-', vim.inspect(now))
      vim.cmd('silent write!')
      out('# wrote ' .. rel .. ' (run.js checks its bytes)')
    end
  end
end

-- 2. boot.ini: /3GB without /USERVA on Windows Server 2003.
do
  local rel = 'exchange2000-upgrade/boot.ini'
  local buf = open_and_diagnose(rel, 'bootini', 'bootini.3gb-without-userva')
  local line = vim.fn.search('/fastdetect /3GB$', 'nw') - 1
  local col = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]:find('/3GB', 1, true)
  hover(buf, rel, line, col, '3GB')
end

-- 3. Query-based distribution group filter: attribute not in the global catalog.
do
  local rel = 'qbdg/marketing-fulltime.ldapfilter'
  local buf = open_and_diagnose(rel, 'ldapfilter', 'ldapfilter.attribute-not-in-gc')
  local line = vim.fn.search('employeeType', 'nw') - 1
  local col = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]:find('employeeType', 1, true)
  hover(buf, rel, line, col + 2, 'employeeType')
end

end

local ok, err = pcall(main)
check('script ran to the end', ok, tostring(err))
if client_id then vim.lsp.stop_client(client_id) end
finish()
