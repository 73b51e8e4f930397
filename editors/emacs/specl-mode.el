;;; specl-mode.el --- Specl specs, with the Specl language server through eglot -*- lexical-binding: t -*-

;;; Commentary:
;; A major mode for .specl files (comments, brackets, keywords) that registers the Specl
;; language server with eglot (Emacs 29's built-in eglot, or the eglot package on Emacs 28).
;; See editors/emacs/README.md.

;;; Code:

(require 'eglot)

(defgroup specl nil "Specl specs." :group 'languages)

(defcustom specl-language-server-command '("specl-language-server" "--stdio")
  "The command that starts the Specl language server."
  :type '(repeat string))

(defvar specl-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?/ ". 124b" table)
    (modify-syntax-entry ?* ". 23" table)
    (modify-syntax-entry ?\n "> b" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?_ "_" table)
    table)
  "Syntax of Specl: `//' and `/* */' comments, double-quoted strings.")

(defconst specl-font-lock-keywords
  `((,(regexp-opt '("spec" "version" "import" "type" "enum" "error" "endpoint" "property"
                    "invariant" "header" "query" "body" "response" "errors" "requires"
                    "ensures" "forall" "where" "let" "try" "expect" "and" "or" "not"
                    "implies" "in" "all" "any")
                  'symbols)
     . font-lock-keyword-face)
    (,(regexp-opt '("String" "Int" "Float" "Bool" "Uuid" "Email" "Url" "Date" "DateTime"
                    "List" "Map")
                  'symbols)
     . font-lock-type-face)
    (,(regexp-opt '("true" "false" "null") 'symbols) . font-lock-constant-face))
  "Highlighting of Specl's keywords, built-in types and constants.")

;;;###autoload
(define-derived-mode specl-mode prog-mode "Specl"
  "Major mode for Specl specs."
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local font-lock-defaults '(specl-font-lock-keywords))
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 2))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.specl\\'" . specl-mode))

(add-to-list 'eglot-server-programs
             `(specl-mode . ,(lambda (&rest _) specl-language-server-command)))

(provide 'specl-mode)
;;; specl-mode.el ends here
