-- Specl for Neovim's built-in LSP client (Neovim 0.7 or later); see editors/neovim/README.md.
--
--   require('specl').setup()                                  -- `specl-language-server` on PATH
--   require('specl').setup({ cmd = { 'npx', 'specl', 'lsp', '--stdio' } })  -- or from a project
local M = {}

local clients = {}

--- Starts (or reuses) the language server for a buffer: one server per root folder.
local function attach(bufnr, config)
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  -- Neovim 0.7 has no vim.lsp.start: start a client per root and attach buffers to it.
  local id = clients[config.root_dir]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(config)
    clients[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

--- Sets up `.specl` files: the `specl` filetype, `//` comments, and the language server.
--- Options: `cmd` (the server command, default `{ 'specl-language-server', '--stdio' }`) and
--- `root_dir` (a function of the buffer's file name giving the workspace folder; default:
--- the folder Neovim was started in).
function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { 'specl-language-server', '--stdio' }
  local root_dir = opts.root_dir or function() return vim.fn.getcwd() end
  vim.cmd([[autocmd BufRead,BufNewFile *.specl setfiletype specl]])
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'specl',
    callback = function(args)
      vim.bo[args.buf].commentstring = '// %s'
      vim.bo[args.buf].comments = '://,s1:/*,mb:*,ex:*/'
      local name = vim.api.nvim_buf_get_name(args.buf)
      attach(args.buf, { name = 'specl', cmd = cmd, root_dir = root_dir(name) })
    end,
  })
end

return M
