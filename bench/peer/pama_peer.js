// A comparison peer for bench/service.py: the kind of PAMA decision-support service RightScan is measured
// against, reduced to what such a service does per call. It reads a CDS Hooks order-select request,
// takes each draft imaging ServiceRequest's procedure code and the reason's ICD-10 code, looks the pair
// up in a fixed table and answers with one card per order. No patient reasoning, no logging, no storage.
// Node's own http module only (no packages to install). Usage: node pama_peer.js PORT
"use strict";
const http = require("http");
const { answer } = require("./pama_table");

const server = http.createServer((req, res) => {
  if (req.method === "GET") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ services: [{ id: "peer", hook: "order-select" }] }));
    return;
  }
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    let body;
    try {
      body = JSON.stringify(answer(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
    } catch (err) {
      res.writeHead(400, { "content-type": "application/json" });
      res.end('{"error":"bad request"}');
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(Number(process.argv[2] || 8090), "127.0.0.1");
