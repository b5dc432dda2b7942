-- A drafter's session in Neovim, run headless by tests/neovim.rs: the
-- diagnostics of a policy with a misspelt unit, the code actions at it, the
-- quick fix applied (the server sees the change and the error goes), the
-- hover on the fixed name. Writes what it saw to $KAOHE_NVIM_OUT.
local out = {}
local function say(s) table.insert(out, s) end
local function errors()
  local n = 0
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.severity == vim.diagnostic.severity.ERROR then n = n + 1 end
  end
  return n
end
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  say(string.format("diagnostic %d %s %s", d.lnum + 1, d.code or "", (d.message:gsub("\n", " / "))))
end
local line = vim.fn.search("不含 中心办公室")
local client = vim.lsp.get_active_clients()[1]
local doc = vim.lsp.util.make_text_document_params()
local at = { line = line - 1, character = 9 }
local actions = client.request_sync("textDocument/codeAction",
  { textDocument = doc, range = { start = at, ["end"] = at }, context = { diagnostics = {} } }, 10000, 0)
for _, a in ipairs(actions.result or {}) do say("action " .. a.title) end
for _, a in ipairs(actions.result or {}) do
  if a.kind == "quickfix" then
    vim.lsp.util.apply_workspace_edit(a.edit, "utf-16")
    break
  end
end
say("line " .. vim.fn.getline(line))
vim.wait(20000, function() return errors() == 0 end, 50)
say("errors " .. errors())
local hover = client.request_sync("textDocument/hover", { textDocument = doc, position = { line = line - 1, character = 8 } }, 10000, 0)
if hover and hover.result then say("hover " .. (hover.result.contents.value:gsub("\n+", " / "))) end
local f = io.open(os.getenv("KAOHE_NVIM_OUT"), "w")
f:write(table.concat(out, "\n") .. "\n")
f:close()
vim.cmd("qa!")
