-- Test init for a headless Neovim: sets Specl up as editors/neovim/README.md says (with the
-- server of this checkout), waits for the diagnostics of the file opened, writes them to
-- OUT_JSON and quits (0 when some arrived).
local repo = os.getenv('SPECL_REPO') or error('set SPECL_REPO')
local out = os.getenv('OUT_JSON') or error('set OUT_JSON')
vim.opt.runtimepath:append(repo .. '/editors/neovim')
require('specl').setup({ cmd = { 'node', repo .. '/cli/bin/specl-language-server.js', '--stdio' } })

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local buf = vim.api.nvim_get_current_buf()
    local ok = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
    local diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(diagnostics, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message, source = d.source,
        code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or vim.NIL,
      })
    end
    table.sort(diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
    local file = assert(io.open(out, 'w'))
    file:write(vim.json.encode({
      ok = ok, filetype = vim.bo[buf].filetype, commentstring = vim.bo[buf].commentstring,
      clients = #vim.lsp.get_active_clients(), diagnostics = diagnostics,
    }))
    file:close()
    vim.lsp.stop_client(vim.lsp.get_active_clients())
    vim.cmd(ok and 'qa!' or 'cq!')
  end,
})
