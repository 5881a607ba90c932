;;; lsp-test.el --- Emacs + eglot as an LSP client of the language server  -*- lexical-binding: t -*-

;; Emacs 28 in batch mode with eglot 1.9 (Debian bookworm's emacs-nox and elpa-eglot) as a real LSP client of the
;; built language server (stdio). For each of the five languages (a UTF-16LE .reg export, boot.ini, an .ldapfilter, an
;; LDIF export, an Exchange 5.5 batch Setup.ini) it visits the file with the configuration shown in the README
;; ("Other LSP editors"), waits for the diagnostics eglot hands to flymake, checks a known code and its exact range,
;; asks for a hover, applies a quick fix (textDocument/codeAction, then the WorkspaceEdit through eglot's own
;; `eglot--apply-workspace-edit'), checks the whole buffer afterwards, waits for the fixed diagnostic to go away (in
;; flymake, what a user sees, and in eglot's copy of the server's last push: flymake drops a diagnostic by itself when
;; an edit deletes all of its text), and saves the file. Run by test/e2e/emacs/run.js:
;;   emacs -Q --batch -l lsp-test.el   with E2E_SERVER (the exchange-config-language-server script that run.js put
;;   first on PATH), E2E_DIR (a copy of examples/) and optionally E2E_TIMEOUT_MS (default 15000) in the environment.
;;   Prints "ok - ..." / "not ok - ..." lines, "# wrote <file>" for each file saved (run.js checks its bytes on disk)
;;   and a last line "emacs-result P F".
;; eglot 1.9 keeps ONE languageId per server: the :language-id of the `eglot-server-programs' entry (else the major
;; mode's name without "-mode") of the buffer that started it, sent in every didOpen of that server. So each mode gets
;; its own entry, and with it its own server process. Idle timers never run in --batch: eglot's didChange (sent from an
;; idle timer after an edit) is flushed here by hand, and `eglot-ensure' (which waits for `post-command-hook') is
;; completed by running that hook, as the command loop would after `find-file'.

(setq make-backup-files nil create-lockfiles nil auto-save-default nil print-escape-newlines t)
(defvar t-passed 0)
(defvar t-failed 0)
(defun t-out (s) (princ (concat s "\n")))
(defun t-check (name ok &optional detail)
  (if ok
      (progn (setq t-passed (1+ t-passed)) (t-out (concat "ok - " name)))
    (setq t-failed (1+ t-failed))
    (t-out (concat "not ok - " name (if detail (concat ": " detail) ""))))
  ok)

(defvar t-server (getenv "E2E_SERVER"))   ; the exchange-config-language-server script that run.js put on PATH
(defvar t-dir (file-name-as-directory (getenv "E2E_DIR")))
(defvar t-timeout (/ (string-to-number (or (getenv "E2E_TIMEOUT_MS") "15000")) 1000.0))

;; Debian's elpa packages (eglot 1.9 and the newer xref, project and seq it wants), as a plain `emacs' activates them;
;; -Q skips that, and a private package-user-dir keeps ~/.emacs.d/elpa out.
(require 'package)
(setq package-user-dir (expand-file-name "../emacs-elpa" t-dir)
      package-directory-list '("/usr/local/share/emacs/site-lisp/elpa" "/usr/share/emacs/site-lisp/elpa"))
(package-initialize)
(require 'flymake)
(require 'seq)
(require 'subr-x)

;;; The configuration shown in the README ("Other LSP editors"), unchanged: run.js puts a script named
;;; exchange-config-language-server, which starts the built server, first on PATH.
;; Tested with Emacs 28.2 and eglot 1.9 (Debian bookworm: emacs-nox, elpa-eglot). eglot 1.9 sends one languageId
;; per server, so each mode gets its own entry (and server process); "ini" is not a language of the server, which
;; tells Exchange answer files from other .ini files by their content.
(require 'eglot)
(define-derived-mode exchange-reg-mode conf-windows-mode "Reg")
(define-derived-mode exchange-bootini-mode conf-windows-mode "boot.ini")
(define-derived-mode exchange-ini-mode conf-windows-mode "INI")
(define-derived-mode ldapfilter-mode fundamental-mode "LDAP-Filter")
(define-derived-mode ldif-mode fundamental-mode "LDIF")
(add-to-list 'auto-mode-alist '("\\.ini\\'" . exchange-ini-mode))
(add-to-list 'auto-mode-alist '("[/\\]boot\\.ini\\'" . exchange-bootini-mode))
(add-to-list 'auto-mode-alist '("\\.reg\\'" . exchange-reg-mode))
(add-to-list 'auto-mode-alist '("\\.ldap\\(?:filter\\)?\\'" . ldapfilter-mode))
(add-to-list 'auto-mode-alist '("\\.ld\\(?:f\\|if\\)\\'" . ldif-mode))
(dolist (m '((exchange-reg-mode . "reg") (exchange-bootini-mode . "bootini") (exchange-ini-mode . "ini")
             (ldapfilter-mode . "ldapfilter") (ldif-mode . "ldif")))
  (add-to-list 'eglot-server-programs `((,(car m) :language-id ,(cdr m)) "exchange-config-language-server" "--stdio"))
  (add-hook (intern (format "%s-hook" (car m))) #'eglot-ensure))
;;; End of the README's configuration.
(setq eglot-connect-timeout (ceiling t-timeout))

;;; Helpers.
(defun t-wait (pred)
  "Polls PRED (processing the servers' output) until it is non-nil or `t-timeout' seconds passed; returns its value."
  (let ((deadline (+ (float-time) t-timeout)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    v))

(defun t-lsp (d) (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))))
(defun t-code (d) (plist-get (t-lsp d) :code))
(defun t-with-code (code &optional diags)
  "The diagnostics with CODE among DIAGS, by default the ones flymake shows in the buffer."
  (seq-filter (lambda (d) (equal (t-code d) code)) (or diags (flymake-diagnostics))))
(defun t-pushed (code)
  "The diagnostics with CODE in the server's last textDocument/publishDiagnostics for this buffer, as eglot keeps them.
\(Not `flymake-diagnostics' alone: flymake drops a diagnostic by itself when an edit deletes all of its text.)"
  (and eglot--diagnostics (t-with-code code eglot--diagnostics)))
(defun t-linecol (pos)
  (save-excursion (goto-char pos) (format "%d:%d" (line-number-at-pos pos t) (1+ (- pos (line-beginning-position))))))
(defun t-range (beg end) (format "%s-%s" (t-linecol beg) (t-linecol end)))
(defun t-lines () (split-string (buffer-substring-no-properties (point-min) (point-max)) "\n"))

(defun t-locate (line-text span)
  "Where SPAN (plain text) is on the first line containing LINE-TEXT: (BEG . END) buffer positions, or nil."
  (save-excursion
    (goto-char (point-min))
    (catch 'found
      (while (search-forward line-text nil t)
        (let ((eol (line-end-position)))
          (goto-char (line-beginning-position))
          (when (search-forward span eol t) (throw 'found (cons (match-beginning 0) (match-end 0))))
          (goto-char eol)))
      nil)))

(defun t-open (rel mode language-id)
  "Visits REL as a user would (`find-file', the mode from `auto-mode-alist', `eglot-ensure' from the mode hook) and
waits until eglot manages the buffer."
  (find-file (expand-file-name rel t-dir))
  (run-hooks 'post-command-hook)
  (t-check (format "%s: opens in %s" rel mode) (eq major-mode mode) (format "%s" major-mode))
  (when (t-check (format "%s: managed by eglot" rel) (t-wait #'eglot-managed-p) (format "not within %s s" t-timeout))
    (let ((id (eglot--language-id (eglot-current-server))))
      (t-check (format "%s: its server gets the languageId %S" rel language-id) (equal id language-id) (format "%S" id)))))

(defun t-expect-diagnostic (rel code line-text span)
  "Waits for a flymake diagnostic from eglot with CODE, then checks that one of them covers exactly SPAN on the line
containing LINE-TEXT. Returns that diagnostic, or nil."
  (t-wait (lambda () (t-with-code code)))
  (when (t-check (format "%s: diagnostic %s" rel code) (t-with-code code)
                 (format "got %S within %s s" (mapcar #'t-code (flymake-diagnostics)) t-timeout))
    (let ((at (t-locate line-text span)))
      (if (not at)
          (t-check (format "%s: %s on %S" rel code span) nil (format "no line with %S and that text" line-text))
        (let ((found (seq-find (lambda (d) (and (= (flymake-diagnostic-beg d) (car at))
                                                (= (flymake-diagnostic-end d) (cdr at))))
                               (t-with-code code))))
          (t-check (format "%s: %s covers %S at %s" rel code span (t-range (car at) (cdr at))) found
                   (format "got %s" (mapconcat (lambda (d) (t-range (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))
                                               (t-with-code code) ", ")))
          found)))))

(defun t-hover-text (result)
  (let ((c (plist-get result :contents)))
    (cond ((null c) nil)
          ((stringp c) c)
          ((plist-get c :value))
          ((vectorp c) (mapconcat (lambda (p) (if (stringp p) p (plist-get p :value))) c "\n")))))

(defun t-hover (rel line-text span offset expected)
  "textDocument/hover at OFFSET characters into SPAN (on the line containing LINE-TEXT): mentions EXPECTED."
  (let ((at (t-locate line-text span)))
    (if (not at)
        (t-check (format "%s: hover on %S" rel span) nil (format "no line with %S and that text" line-text))
      (let* ((pos (+ (car at) offset))
             (text (t-hover-text
                    (jsonrpc-request (eglot-current-server) :textDocument/hover
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :position (eglot--pos-to-lsp-position pos))
                                     :timeout t-timeout))))
        (t-check (format "%s: hover at %s mentions %S" rel (t-linecol pos) expected)
                 (and text (string-search expected text)) (format "%S" text))))))

(defun t-quick-fix (rel d title first last lines)
  "Asks for the quick fixes of flymake diagnostic D, applies the one whose title contains TITLE with eglot's
`eglot--apply-workspace-edit', and checks the whole buffer: lines FIRST..LAST (0-based, inclusive) of the text before
are now LINES, every other line is unchanged. Then waits for the fixed diagnostic to be gone (one fewer with its code,
in the diagnostics the server pushed for the edited text). Returns non-nil when the buffer is as expected."
  (let* ((lsp (t-lsp d))
         (code (plist-get lsp :code))
         (before (t-lines))
         (count (length (t-pushed code)))
         (actions (jsonrpc-request (eglot-current-server) :textDocument/codeAction
                                   (list :textDocument (eglot--TextDocumentIdentifier)
                                         :range (plist-get lsp :range)
                                         :context (list :diagnostics (vector lsp) :only ["quickfix"]))
                                   :timeout t-timeout))
         (action (seq-find (lambda (a) (and (plist-get a :edit) (equal (plist-get a :kind) "quickfix")
                                            (string-search title (plist-get a :title))))
                           actions)))
    (when (t-check (format "%s: quick fix %S offered for %s" rel title code) action
                   (format "%S" (mapcar (lambda (a) (plist-get a :title)) actions)))
      (t-out (concat "# code action: " (plist-get action :title)))
      (eglot--apply-workspace-edit (plist-get action :edit))
      (let* ((expected (append (seq-take before first) lines (seq-drop before (1+ last))))
             (now (t-lines))
             (diff (cl-loop for i from 0 below (max (length now) (length expected))
                            unless (equal (nth i now) (nth i expected))
                            return (format "line %d is %S, expected %S" (1+ i) (nth i now) (nth i expected))))
             (ok (t-check (format "%s: after the fix, %s %s and no other line changed" rel
                                  (if (> last first) (format "lines %d-%d are now" (1+ first) (1+ last))
                                    (format "line %d is now" (1+ first)))
                                  (mapconcat (lambda (l) (format "%S" l)) lines " + "))
                          (null diff) diff)))
        ;; What eglot's idle timer does after an edit (idle timers do not run in --batch).
        (eglot--signal-textDocument/didChange)
        (let ((gone (lambda () (and (= (length (t-pushed code)) (1- count)) (= (length (t-with-code code)) (1- count))))))
          (t-wait gone)
          (t-check (format "%s: %s is gone after the fix (%d left)" rel code (1- count)) (funcall gone)
                   (format "%d left in the server's last push, %d in flymake, within %s s"
                           (length (t-pushed code)) (length (t-with-code code)) t-timeout)))
        ok))))

(defun t-save (rel)
  "Saves the buffer; run.js then checks the file's bytes (encoding, BOM, line endings, only the fixed lines changed)."
  (save-buffer)
  (when (t-check (format "%s: saved" rel) (not (buffer-modified-p)))
    (t-out (format "# wrote %s (run.js checks its bytes)" rel))))

;;; The five languages.
(defun t-main ()
  (t-out (format "# Emacs %s, eglot %s" emacs-version
                 (package-version-join (package-desc-version (cadr (assq 'eglot package-alist))))))
  (t-check "exchange-config-language-server on PATH is the built server" (equal (executable-find "exchange-config-language-server") t-server)
           (format "%S, expected %S" (executable-find "exchange-config-language-server") t-server))
  ;; 1. Registry export (UTF-16LE with BOM, CRLF): deprecated Exchange 2000 tuning, hover, deletion-entry quick fix.
  (let ((rel "exchange2000-upgrade/MAILSRV01-services.reg"))
    (t-open rel 'exchange-reg-mode "reg")
    (unless (t-check (format "%s: visited as utf-16le-with-signature-dos" rel)
                     (eq buffer-file-coding-system 'utf-16le-with-signature-dos) (format "%s" buffer-file-coding-system))
      ;; Not detected: visit it again with the right coding system, so that the other checks still mean something.
      (let ((coding-system-for-read 'utf-16le-with-signature-dos)) (revert-buffer t t)))
    (let ((d (t-expect-diagnostic rel "reg.deprecated-e2k-tuning" "\"MPHeap parallelism\"=" "\"MPHeap parallelism\"")))
      (t-hover rel "\"MPHeap parallelism\"=" "MPHeap" 2 "MPHeap")
      (when (and d (t-quick-fix rel d "=-" (1- (line-number-at-pos (flymake-diagnostic-beg d) t))
                                (1- (line-number-at-pos (flymake-diagnostic-beg d) t)) '("\"MPHeap parallelism\"=-")))
        (t-save rel))))

  ;; 2. boot.ini (CRLF): /3GB without /USERVA on Windows Server 2003; the fix appends /USERVA=3030.
  (let* ((rel "exchange2000-upgrade/boot.ini")
         (line "Enterprise\" /fastdetect /3GB"))
    (t-open rel 'exchange-bootini-mode "bootini")
    (let ((d (t-expect-diagnostic rel "bootini.3gb-without-userva" line "/3GB")))
      (t-hover rel line "/3GB" 1 "3GB")
      (when d
        (let ((n (1- (line-number-at-pos (flymake-diagnostic-beg d) t))))
          (when (t-quick-fix rel d "Add /USERVA=3030" n n
                             '("multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS=\"Windows Server 2003, Enterprise\" /fastdetect /3GB /USERVA=3030"))
            (t-save rel))))))

  ;; 3. Query-based distribution group filter (LF): attribute not in the global catalog (no fix), and the short NOT
  ;; form seen in production filters, whose fix wraps the condition in parentheses.
  (let ((rel "qbdg/marketing-fulltime.ldapfilter"))
    (t-open rel 'ldapfilter-mode "ldapfilter")
    (t-expect-diagnostic rel "ldapfilter.attribute-not-in-gc" "(employeeType=" "employeeType")
    (t-hover rel "(employeeType=" "employeeType" 2 "employeeType")
    (let ((d (t-expect-diagnostic rel "ldapfilter.aduc-short-not" "(!cn=SystemMailbox" "cn=SystemMailbox{*}")))
      (when d
        (let ((n (1- (line-number-at-pos (flymake-diagnostic-beg d) t))))
          (when (t-quick-fix rel d "Wrap the condition" n n '("  (!(cn=SystemMailbox{*}))"))
            (t-save rel))))))

  ;; 4. LDIF export (LF): the embedded filter is checked at its own position in the line; manual ESE log-buffer
  ;; tuning, whose fix turns "replace:" into "delete:" and drops the value line.
  (let ((rel "qbdg/contoso-export.ldf"))
    (t-open rel 'ldif-mode "ldif")
    (let ((d (t-expect-diagnostic rel "ldif.log-buffers-set" "msExchESEParamLogBuffers: 9000" "msExchESEParamLogBuffers")))
      (t-expect-diagnostic rel "ldapfilter.missing-systemmailbox-exclusion" "msExchDynamicDLFilter: (&" "(&")
      (t-hover rel "msExchESEParamLogBuffers: 9000" "msExchESEParamLogBuffers" 3 "Never above 9000")
      ;; The "replace: msExchESEParamLogBuffers" line (the one above the diagnostic) and the value line become one.
      (when d
        (let ((n (1- (line-number-at-pos (flymake-diagnostic-beg d) t))))
          (when (t-quick-fix rel d "Clear msExchESEParamLogBuffers" (1- n) n '("delete: msExchESEParamLogBuffers"))
            (t-save rel))))))

  ;; 5. Exchange 5.5 batch Setup.ini (CRLF), sent with the languageId "ini", which the server does not know: it
  ;; recognises the answer file from its sections. Plain-text password; the fix blanks it.
  (let ((rel "setup/exchange55-batch-setup.ini"))
    (t-open rel 'exchange-ini-mode "ini")
    (let ((d (t-expect-diagnostic rel "setupini.plain-text-secret" "AccountPassword=" "Winter2005!")))
      (t-expect-diagnostic rel "setupini.missing-required-key" "PerServer=True" "PerServer=True")
      (t-hover rel "AccountPassword=" "AccountPassword" 3 "plain text")
      (when d
        (let ((n (1- (line-number-at-pos (flymake-diagnostic-beg d) t))))
          (when (t-quick-fix rel d "Blank the value of AccountPassword" n n '("AccountPassword="))
            (t-save rel)))))))

(let ((err (condition-case e (progn (t-main) nil) (error e))))
  (t-check "script ran to the end" (null err) (format "%S" err)))
(ignore-errors (eglot-shutdown-all))
(t-out (format "emacs-result %d %d" t-passed t-failed))
(kill-emacs (if (and (= t-failed 0) (> t-passed 0)) 0 1))
