-- Neovim (0.7 and later) starting `kaohe lsp` for *.kh files: the set-up of
-- docs/editors.md for the Neovim Debian 12 ships (vim.lsp.start_client;
-- 0.8+ may use vim.lsp.start). KAOHE names the binary.
local kaohe = os.getenv("KAOHE") or "kaohe"
vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
  pattern = "*.kh",
  callback = function(args)
    vim.bo[args.buf].filetype = "kaohe"
    vim.bo[args.buf].commentstring = "// %s"
    local id = vim.lsp.start_client({
      name = "kaohe",
      cmd = { kaohe, "lsp" },
      root_dir = vim.fn.getcwd(),
      init_options = { lang = "zh" },
    })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})
