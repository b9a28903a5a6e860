// Preloaded into the Agents Playground (node -r): it calls listen(port) without a host, which would bind every
// interface. This keeps every TCP server of that process on 127.0.0.1; sockets on a path are left alone.
'use strict';
const net = require('net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    if ('port' in first && !('path' in first)) args[0] = { ...first, host: '127.0.0.1' };
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    // listen(port[, host][, backlog][, callback]): put the host in second place, replacing one if given
    if (typeof args[1] === 'string' || args[1] === undefined || args[1] === null) args[1] = '127.0.0.1';
    else args.splice(1, 0, '127.0.0.1');
  } else if (first === undefined || typeof first === 'function') {
    args.unshift(0, '127.0.0.1');
  }
  return listen.apply(this, args);
};
