-- Headless Neovim (0.7+, Debian's) as a second real LSP client of the Innograph language server.
-- Driven by nvim.e2e.mjs:
--   nvim --headless -u NONE -i NONE -n -c "luafile lsp_nvim.lua" rare_earth.study
-- env: E2E_SERVER_CMD (JSON array, e.g. ["node","/repo/dist/cli.js","lsp","--stdio"]),
--      E2E_BROKEN_LINE, E2E_UNKNOWN_NAME, E2E_COMPLETION_LINE, E2E_EXPECTED_ITEM.
-- Prints one JSON object per line on stdout; exits 0 when both checks pass, 1 otherwise.
local function out(tbl) io.stdout:write(vim.fn.json_encode(tbl) .. '\n') end
local function fail(msg) out({ ok = false, error = msg }); vim.cmd('cquit 1') end
local function env(name) local v = os.getenv(name); if not v or v == '' then fail('missing env ' .. name) end; return v end

local ok, err = pcall(function()
  local cmd = vim.fn.json_decode(env('E2E_SERVER_CMD'))
  local BROKEN, UNKNOWN = env('E2E_BROKEN_LINE'), env('E2E_UNKNOWN_NAME')
  local COMPLETION_LINE, EXPECTED = env('E2E_COMPLETION_LINE'), env('E2E_EXPECTED_ITEM')

  vim.lsp.set_log_level('WARN')
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'study'
  local config = {
    name = 'innograph',
    cmd = cmd,
    root_dir = vim.fn.getcwd(),
    workspace_folders = { { uri = vim.uri_from_fname(vim.fn.getcwd()), name = 'ws' } },
    flags = { debounce_text_changes = 0 },
  }
  local client_id
  if vim.lsp.start then                    -- nvim >= 0.8
    client_id = vim.lsp.start(config, { bufnr = bufnr })
  else                                     -- nvim 0.7 (Debian bookworm)
    client_id = vim.lsp.start_client(config)
    if client_id then vim.lsp.buf_attach_client(bufnr, client_id) end
  end
  if not client_id then fail('LSP client did not start: ' .. table.concat(cmd, ' ')) end

  -- wait until the server answered `initialize` (and so got didOpen)
  local inited = vim.wait(30000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.server_capabilities ~= nil and not c.is_stopped()
  end, 50)
  if not inited then fail('server did not initialize within 30s (did it crash? see lsp.log)') end
  local caps = vim.lsp.get_client_by_id(client_id).server_capabilities
  out({ kind = 'initialized', completionProvider = caps.completionProvider ~= nil,
        textDocumentSync = caps.textDocumentSync })

  -- let the clean spec be checked once, then report what it had (not asserted here: the UI test checks it)
  vim.wait(1500, function() return false end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    out({ kind = 'diagnostic-before-edit', lnum = d.lnum + 1, col = d.col + 1, severity = d.severity, message = d.message })
  end

  -- 1) append a line with an unknown name -> the server must push an error for it
  local n = vim.api.nvim_buf_line_count(bufnr)
  local last = vim.api.nvim_buf_get_lines(bufnr, n - 1, n, false)[1]
  if last ~= '' then vim.api.nvim_buf_set_lines(bufnr, n, n, false, { '' }); n = n + 1 end
  vim.api.nvim_buf_set_lines(bufnr, n - 1, n, false, { BROKEN })
  local broken_lnum = n - 1                 -- 0-based
  local function hit()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.severity == vim.diagnostic.severity.ERROR and
         (d.lnum == broken_lnum or string.find(d.message, UNKNOWN, 1, true)) then return d end
    end
  end
  if not vim.wait(20000, function() return hit() ~= nil end, 50) then
    local msgs = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(msgs, (d.lnum + 1) .. ': ' .. d.message) end
    fail('no error diagnostic for line ' .. (broken_lnum + 1) .. ' ("' .. BROKEN .. '") within 20s; diagnostics: ' .. vim.fn.json_encode(msgs))
  end
  local d = hit()
  out({ kind = 'diagnostic', lnum = d.lnum + 1, col = d.col + 1, severity = d.severity, message = d.message, source = d.source })
  if not string.find(d.message, UNKNOWN, 1, true) then fail('error message does not mention ' .. UNKNOWN .. ': ' .. d.message) end

  -- 2) completion at the end of a new line "network n2 = coapplication(" must offer the dataset
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { COMPLETION_LINE })
  local lnum = vim.api.nvim_buf_line_count(bufnr) - 1
  vim.wait(300, function() return false end, 50)
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr),
                   position = { line = lnum, character = #COMPLETION_LINE },
                   context = { triggerKind = 1 } }
  local labels, rpc_err = {}, nil
  for attempt = 1, 3 do
    local res, e = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000)
    rpc_err = e
    for _, r in pairs(res or {}) do
      if r.err then rpc_err = vim.fn.json_encode(r.err) end
      local items = r.result and (r.result.items or r.result) or {}
      for _, it in ipairs(items) do table.insert(labels, it.label) end
    end
    if #labels > 0 then break end
    vim.wait(1000, function() return false end, 50)
  end
  out({ kind = 'completion', line = lnum + 1, character = #COMPLETION_LINE, labels = labels, error = rpc_err })
  if not vim.tbl_contains(labels, EXPECTED) then
    fail('completion at end of "' .. COMPLETION_LINE .. '" lacks "' .. EXPECTED .. '" (got ' .. #labels .. ' items' ..
         (rpc_err and (', error ' .. tostring(rpc_err)) or '') .. ')')
  end

  vim.lsp.stop_client(client_id)
  local v = vim.version()
  out({ ok = true, nvim = v.major .. '.' .. v.minor .. '.' .. v.patch })
end)
if not ok then fail('lua error: ' .. tostring(err)) end
vim.cmd('qall!')
