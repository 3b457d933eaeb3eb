// The same table look-up peer as pama_peer.js, on Express 5 (the framework of the reference PAMA service
// the issue measured): express.json() parses the body, one route answers. Needs `npm ci` in bench/peer.
// Usage: node pama_peer_express.js PORT
"use strict";
const express = require("express");
const { answer } = require("./pama_table");

const app = express();
app.disable("x-powered-by");
app.disable("etag");
app.use(express.json({ limit: "1mb" }));
app.get("/cds-services", (req, res) => res.json({ services: [{ id: "peer", hook: "order-select" }] }));
app.post("/cds-services/:id", (req, res) => res.json(answer(req.body)));
app.use((err, req, res, next) => res.status(400).json({ error: "bad request" }));
const server = app.listen(Number(process.argv[2] || 8091), "127.0.0.1");
server.keepAliveTimeout = 60000;
