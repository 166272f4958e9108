-- Drives Neovim's built-in LSP client against `bklint lsp`, headless: opens $PIPELINE, waits for diagnostics,
-- asks for the quick fixes at the first diagnostic of rule $FIX_RULE, applies the one for that rule, writes the
-- file, and records what happened in $RESULT. Works with Neovim 0.7 and later (start_client, not vim.lsp.start).
-- Run: nvim --headless -u NONE -c 'luafile tools/editors/nvim-lsp-check.lua'
local out = assert(io.open(os.getenv('RESULT'), 'w'))
local function finish(line)
  out:write(line .. '\n')
  out:close()
  vim.cmd('qa!')
end

local file = os.getenv('PIPELINE')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'bklint',
  cmd = vim.split(os.getenv('BKLINT_CMD'), '\t', { plain = true }),
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
})
if not id then return finish('no client') end
vim.lsp.buf_attach_client(buf, id)

local function code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

if not vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  return finish('no diagnostics')
end
local target = os.getenv('FIX_RULE')
local at
for _, d in ipairs(vim.diagnostic.get(buf)) do
  out:write(string.format('diagnostic %d:%d %s\n', d.lnum + 1, d.col + 1, tostring(code(d))))
  if code(d) == target and not at then at = d end
end
if not at then return finish('no diagnostic of ' .. target) end

local client = vim.lsp.get_client_by_id(id)
local position = { line = at.lnum, character = at.col }
local response = client.request_sync('textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = position, ['end'] = position },
  context = { diagnostics = {} },
}, 30000, buf)
if not response or not response.result then return finish('no code actions') end
for _, action in ipairs(response.result) do
  if action.kind == 'quickfix' and action.title:sub(1, #target + 1) == target .. ':' then
    vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
    vim.cmd('write')
    return finish('applied ' .. action.title)
  end
end
finish('no quick fix for ' .. target)
