// The table look-up shared by the comparison peers (bench/peer/pama_peer.js on Node's http module,
// bench/peer/pama_peer_express.js on Express): a draft imaging ServiceRequest's procedure code and the
// reason's ICD-10 code, looked up in a fixed table; one card per order.
"use strict";

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

module.exports = { answer };
