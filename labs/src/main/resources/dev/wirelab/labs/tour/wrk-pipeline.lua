-- wirelab: sixteen requests per write, as the TechEmpower plaintext test sends them.
-- init() builds the batch once per thread (depth from the first script argument, default 16);
-- request() hands wrk the same batch every time, and wrk counts each response in it.
init = function(args)
  local depth = tonumber(args[1]) or 16
  local batch = {}
  for i = 1, depth do
    batch[i] = wrk.format()
  end
  pipelined = table.concat(batch)
end

request = function()
  return pipelined
end
