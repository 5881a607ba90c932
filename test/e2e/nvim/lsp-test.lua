-- Headless Neovim 0.7 as a real LSP client of the built language server (stdio). For each of the five languages (a
-- UTF-16LE .reg export, boot.ini, an .ldapfilter, an LDIF export, an Exchange 5.5 batch Setup.ini) it waits for the
-- pushed diagnostics, checks a known code and its exact range, asks for a hover, applies a quick fix
-- (textDocument/codeAction, then the WorkspaceEdit), checks the whole buffer afterwards, waits for the fixed
-- diagnostic to go away, and writes the file. Run by test/e2e/nvim/run.js:
--   nvim --headless --clean -u NONE -c "luafile lsp-test.lua"   with E2E_SERVER (server script) and E2E_DIR (a copy of
--   examples/) in the environment. Prints "ok - ..." / "not ok - ..." lines, "# wrote <file>" for each file written
--   (run.js checks its bytes on disk) and a last line "nvim-result P F".
-- The client is the configuration the README shows ("Other LSP editors"), unchanged: run.js puts a script named
-- exchange-config-language-server, which starts the built server, first on PATH, and each file gets the filetype
-- Neovim's own detection gives it. Neovim 0.7 API only: vim.lsp.start_client + buf_attach_client (vim.lsp.start is
-- 0.8+), the LSP diagnostic code is under user_data.lsp.code, and `-l` does not exist yet. Neovim sends the buffer's
-- filetype as the languageId.
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

local dir = os.getenv('E2E_DIR')
local TIMEOUT = tonumber(os.getenv('E2E_TIMEOUT_MS') or '15000')

-- The README's configuration, as a user's init.lua holds it.
-- README begin
-- Neovim 0.7 or later. Neovim calls .reg files "registry" and .ini files "dosini"; the server recognises boot.ini by
-- its name and Exchange answer files among .ini files by their content, and ignores the other .ini files.
vim.api.nvim_create_autocmd({ 'BufNewFile', 'BufRead' }, { pattern = { '*.ldapfilter', '*.ldap' }, command = 'setfiletype ldapfilter' })
vim.api.nvim_create_autocmd({ 'BufNewFile', 'BufRead' }, { pattern = '*.ldf', command = 'setfiletype ldif' })
local exchange_config_client
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'registry', 'dosini', 'ldif', 'ldapfilter' },
  callback = function(args)
    exchange_config_client = exchange_config_client or vim.lsp.start_client({
      name = 'exchange-config', cmd = { 'exchange-config-language-server', '--stdio' }, root_dir = vim.fn.getcwd(),
    })
    vim.lsp.buf_attach_client(args.buf, exchange_config_client)
  end,
})
-- README end
-- A user's Neovim turns filetype detection on after init.lua; -u NONE does not, so it is turned on here.
vim.cmd('filetype on')

local client_id
local function main()

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
local function with_code(buf, code)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do if lsp_code(d) == code then list[#list + 1] = d end end
  return list
end
local function range_text(d) return string.format('%d:%d-%d:%d', d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1) end

-- Opens rel, checks the filetype Neovim's detection gave it (sent as the languageId) and waits until the README's
-- configuration has attached the client.
local function open(rel, filetype)
  vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/' .. rel))
  local buf = vim.api.nvim_get_current_buf()
  check(rel .. ': filetype ' .. filetype, vim.bo[buf].filetype == filetype, vim.bo[buf].filetype)
  vim.wait(TIMEOUT, function() return next(vim.lsp.buf_get_clients(buf)) ~= nil end, 20)
  for id, c in pairs(vim.lsp.buf_get_clients(buf)) do
    if c.name == 'exchange-config' then client_id = id end
  end
  check(rel .. ': the server is attached', client_id ~= nil)
  return buf
end

-- Where `span` (plain text) is on the first line containing `line_text` (plain text): 0-based line, start and end
-- columns (bytes; the examples are ASCII, so bytes = UTF-16 code units), or nil.
local function locate(buf, line_text, span)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:find(line_text, 1, true) then
      local s = l:find(span, 1, true)
      if s then return { line = i - 1, col = s - 1, end_col = s - 1 + #span } end
    end
  end
end

-- Waits for a diagnostic `code`, then checks that one of them covers exactly `span` on the line containing
-- `line_text` (one line). Returns that diagnostic (or nil).
local function expect_diagnostic(buf, rel, code, line_text, span)
  vim.wait(TIMEOUT, function() return #with_code(buf, code) > 0 end, 20)
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do codes[#codes + 1] = tostring(lsp_code(d)) end
  if not check(rel .. ': diagnostic ' .. code, #with_code(buf, code) > 0, 'got [' .. table.concat(codes, ', ') .. '] within ' .. TIMEOUT .. ' ms') then return nil end
  local at = locate(buf, line_text, span)
  if not at then return check(string.format('%s: %s on %q', rel, code, span), false, 'no line with ' .. vim.inspect(line_text) .. ' and that text') and nil end
  local found, seen = nil, {}
  for _, d in ipairs(with_code(buf, code)) do
    seen[#seen + 1] = range_text(d)
    if d.lnum == at.line and d.col == at.col and d.end_lnum == at.line and d.end_col == at.end_col then found = d end
  end
  check(string.format('%s: %s covers %q at %d:%d-%d:%d', rel, code, span, at.line + 1, at.col + 1, at.line + 1, at.end_col + 1),
    found ~= nil, 'got ' .. table.concat(seen, ', '))
  return found
end

local function hover(buf, rel, line_text, span, offset, expected)
  local at = locate(buf, line_text, span)
  if not at then return check(string.format('%s: hover on %q', rel, span), false, 'no line with ' .. vim.inspect(line_text) .. ' and that text') end
  local character = at.col + offset
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = at.line, character = character },
  }, TIMEOUT)
  local text
  for _, r in pairs(res or {}) do text = text or hover_text(r.result) end
  check(string.format('%s: hover at %d:%d mentions %q', rel, at.line + 1, character + 1, expected),
    text ~= nil and text:find(expected, 1, true) ~= nil, vim.inspect(text))
end

-- Asks for the quick fixes of diagnostic `d`, applies the one whose title contains `title` (its WorkspaceEdit, as a
-- client does), and checks the whole buffer: lines first..last (0-based, inclusive) of the text before are now
-- `lines`, every other line is unchanged. Then waits for the fixed diagnostic to be gone (one fewer with its code, in
-- diagnostics the server pushed for the edited text). Returns true when the buffer is as expected.
local function quick_fix(buf, rel, d, title, first, last, lines)
  if not d then return false end
  local code = lsp_code(d)
  local before = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local count = #with_code(buf, code)
  local lspdiag = {
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    message = d.message, source = d.source, code = code, severity = d.severity,
  }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(buf), range = lspdiag.range,
    context = { diagnostics = { lspdiag }, only = { 'quickfix' } },
  }, TIMEOUT)
  local action, titles = nil, {}
  for _, r in pairs(res or {}) do
    for _, a in ipairs(r.result or {}) do
      titles[#titles + 1] = a.title
      if not action and a.edit and a.kind == 'quickfix' and a.title:find(title, 1, true) then action = a end
    end
  end
  if not check(string.format('%s: quick fix %q offered for %s', rel, title, code), action ~= nil, vim.inspect(titles)) then return false end
  out('# code action: ' .. action.title)
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  local expected = {}
  for i = 1, first do expected[#expected + 1] = before[i] end
  for _, l in ipairs(lines) do expected[#expected + 1] = l end
  for i = last + 2, #before do expected[#expected + 1] = before[i] end
  local now = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local diff
  for i = 1, math.max(#now, #expected) do
    if now[i] ~= expected[i] then diff = string.format('line %d is %s, expected %s', i, vim.inspect(now[i]), vim.inspect(expected[i])); break end
  end
  local shown = {}
  for _, l in ipairs(lines) do shown[#shown + 1] = string.format('%q', l) end
  local where = last > first and string.format('lines %d-%d are now', first + 1, last + 1) or string.format('line %d is now', first + 1)
  local ok = check(string.format('%s: after the fix, %s %s and no other line changed', rel, where, table.concat(shown, ' + ')), diff == nil, diff)
  vim.wait(TIMEOUT, function() return #with_code(buf, code) == count - 1 end, 20)
  check(string.format('%s: %s is gone after the fix (%d left)', rel, code, count - 1), #with_code(buf, code) == count - 1,
    #with_code(buf, code) .. ' left within ' .. TIMEOUT .. ' ms')
  return ok
end

-- Writes the buffer; run.js then checks the file's bytes (encoding, BOM, line endings, only the fixed lines changed).
local function write(buf, rel)
  vim.cmd('silent write!')
  if check(rel .. ': written', not vim.bo[buf].modified) then out('# wrote ' .. rel .. ' (run.js checks its bytes)') end
end

-- 1. Registry export (UTF-16LE with BOM, CRLF): deprecated Exchange 2000 tuning, hover, deletion-entry quick fix.
do
  local rel = 'exchange2000-upgrade/MAILSRV01-services.reg'
  local buf = open(rel, 'registry')
  local d = expect_diagnostic(buf, rel, 'reg.deprecated-e2k-tuning', '"MPHeap parallelism"=', '"MPHeap parallelism"')
  check(rel .. ': read as UTF-16LE with BOM and CRLF', vim.bo[buf].fileencoding == 'utf-16le' and vim.bo[buf].bomb and vim.bo[buf].fileformat == 'dos',
    vim.bo[buf].fileencoding .. ' bomb=' .. tostring(vim.bo[buf].bomb) .. ' ff=' .. vim.bo[buf].fileformat)
  hover(buf, rel, '"MPHeap parallelism"=', 'MPHeap', 2, 'MPHeap')
  if d and quick_fix(buf, rel, d, '=-', d.lnum, d.lnum, { '"MPHeap parallelism"=-' }) then write(buf, rel) end
end

-- 2. boot.ini (CRLF): /3GB without /USERVA on Windows Server 2003; the fix appends /USERVA=3030.
do
  local rel = 'exchange2000-upgrade/boot.ini'
  local buf = open(rel, 'dosini')
  local line = 'Enterprise" /fastdetect /3GB'
  local d = expect_diagnostic(buf, rel, 'bootini.3gb-without-userva', line, '/3GB')
  hover(buf, rel, line, '/3GB', 1, '3GB')
  local fixed = 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise" /fastdetect /3GB /USERVA=3030'
  if d and quick_fix(buf, rel, d, 'Add /USERVA=3030', d.lnum, d.lnum, { fixed }) then write(buf, rel) end
end

-- 3. Query-based distribution group filter (LF): attribute not in the global catalog (no fix), and the short NOT form
-- seen in production filters, whose fix wraps the condition in parentheses.
do
  local rel = 'qbdg/marketing-fulltime.ldapfilter'
  local buf = open(rel, 'ldapfilter')
  expect_diagnostic(buf, rel, 'ldapfilter.attribute-not-in-gc', '(employeeType=', 'employeeType')
  hover(buf, rel, '(employeeType=', 'employeeType', 2, 'employeeType')
  local d = expect_diagnostic(buf, rel, 'ldapfilter.aduc-short-not', '(!cn=SystemMailbox', 'cn=SystemMailbox{*}')
  if d and quick_fix(buf, rel, d, 'Wrap the condition', d.lnum, d.lnum, { '  (!(cn=SystemMailbox{*}))' }) then write(buf, rel) end
end

-- 4. LDIF export (LF): the embedded filter is checked at its own position in the line; manual ESE log-buffer tuning,
-- whose fix turns "replace:" into "delete:" and drops the value line.
do
  local rel = 'qbdg/contoso-export.ldf'
  local buf = open(rel, 'ldif')
  local d = expect_diagnostic(buf, rel, 'ldif.log-buffers-set', 'msExchESEParamLogBuffers: 9000', 'msExchESEParamLogBuffers')
  expect_diagnostic(buf, rel, 'ldapfilter.missing-systemmailbox-exclusion', 'msExchDynamicDLFilter: (&', '(&')
  hover(buf, rel, 'msExchESEParamLogBuffers: 9000', 'msExchESEParamLogBuffers', 3, 'Never above 9000')
  -- The "replace: msExchESEParamLogBuffers" line (the one above the diagnostic) and the value line become one line.
  if d and quick_fix(buf, rel, d, 'Clear msExchESEParamLogBuffers', d.lnum - 1, d.lnum, { 'delete: msExchESEParamLogBuffers' }) then write(buf, rel) end
end

-- 5. Exchange 5.5 batch Setup.ini (CRLF). The filetype is Neovim's own for *.ini, "dosini", which the server does not
-- know as a languageId: it recognises the answer file from its sections. Plain-text password; the fix blanks it.
do
  local rel = 'setup/exchange55-batch-setup.ini'
  local buf = open(rel, 'dosini')
  local d = expect_diagnostic(buf, rel, 'setupini.plain-text-secret', 'AccountPassword=', 'Winter2005!')
  expect_diagnostic(buf, rel, 'setupini.missing-required-key', 'PerServer=True', 'PerServer=True')
  hover(buf, rel, 'AccountPassword=', 'AccountPassword', 3, 'plain text')
  if d and quick_fix(buf, rel, d, 'Blank the value of AccountPassword', d.lnum, d.lnum, { 'AccountPassword=' }) then write(buf, rel) end
end

end

local ok, err = pcall(main)
check('script ran to the end', ok, tostring(err))
if client_id then vim.lsp.stop_client(client_id) end
finish()
