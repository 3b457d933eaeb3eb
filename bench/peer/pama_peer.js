// A comparison peer for bench/service.py: the kind of PAMA decision-support service RightScan is measured
// against, reduced to what such a service does per call. It reads a CDS Hooks order-select request,
// takes each draft imaging ServiceRequest's procedure code and the reason's ICD-10 code, looks the pair
// up in a fixed table and answers with one card per order. No patient reasoning, no logging, no storage.
// Node's own http module only (no packages to install). Usage: node pama_peer.js PORT
"use strict";
const http = require("http");

// Procedure code -> appropriateness for a breast-cancer reason code (C50.*), table look-up only.
const TABLE = {
  "78815": "not-appropriate", // PET/CT skull base to mid-thigh
  "78816": "not-appropriate",
  "71260": "not-appropriate", // CT chest with contrast
  "74177": "not-appropriate", // CT abdomen and pelvis with contrast
  "78306": "not-appropriate", // bone scan, whole body
  "77049": "appropriate", // MRI breasts bilateral with and without contrast
  "76642": "appropriate", // ultrasound breast, limited
  "77066": "appropriate", // diagnostic mammography, bilateral
};

function codes(concept) {
  return ((concept && concept.coding) || []).map((c) => String(c.code || ""));
}

function rate(order) {
  const reasons = (order.reasonCode || []).flatMap(codes);
  const breast = reasons.some((c) => c.startsWith("C50"));
  for (const code of codes(order.code)) {
    if (TABLE[code]) return breast ? TABLE[code] : "no-criteria";
  }
  return "no-criteria";
}

function answer(request) {
  const entries = (((request.context || {}).draftOrders || {}).entry || []).map((e) => e.resource || {});
  const cards = entries
    .filter((r) => r.resourceType === "ServiceRequest")
    .map((order) => ({
      uuid: order.id || "order",
      summary: `Appropriateness: ${rate(order)}`,
      indicator: "info",
      source: { label: "table look-up peer" },
    }));
  return { cards };
}

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
