;; Test script for a batch Emacs: loads editors/emacs/specl-mode.el as its README says (with
;; the server of this checkout), opens SPEC_FILE, starts eglot, waits for Flymake's
;; diagnostics, writes them to OUT_JSON and exits (0 when some arrived).
(package-initialize)                    ; Debian's elpa-eglot lives in site-lisp/elpa
(let ((repo (getenv "SPECL_REPO")))
  (add-to-list 'load-path (expand-file-name "editors/emacs" repo))
  (require 'specl-mode)
  (require 'json)
  (setq specl-language-server-command
        (list "node" (expand-file-name "cli/bin/specl-language-server.js" repo) "--stdio")))
(setq eglot-sync-connect t eglot-autoshutdown t)
(find-file (getenv "SPEC_FILE"))
;; eglot-ensure waits for a command loop that batch mode never runs: start eglot directly.
(apply #'eglot (eglot--guess-contact))
(let ((deadline (+ (float-time) 30)))
  (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
    (accept-process-output nil 0.1)))
(let* ((diags (mapcar (lambda (d)
                        (let ((beg (flymake-diagnostic-beg d)))
                          (list (cons 'line (line-number-at-pos beg))
                                (cons 'column (save-excursion (goto-char beg) (current-column)))
                                (cons 'type (format "%s" (flymake-diagnostic-type d)))
                                (cons 'text (flymake-diagnostic-text d)))))
                      (flymake-diagnostics)))
       (sorted (sort diags (lambda (a b) (< (cdr (assq 'line a)) (cdr (assq 'line b))))))
       (mode (format "%s" major-mode)))
  (with-temp-file (getenv "OUT_JSON")
    (insert (json-encode (list (cons 'mode mode)
                               (cons 'diagnostics (vconcat sorted))))))
  (kill-emacs (if sorted 0 1)))
