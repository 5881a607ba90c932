#!/usr/bin/env node
'use strict';
// The bundled server (dist/server.js, in an installed package and after `npm run bundle`), else the tsc output of a
// development checkout (out/, after `npm run build`).
const { load } = require('./load.js');
load('exchange-config-language-server', '../dist/server.js', '../out/server/src/main.js');
