// Runs queries against a built site's search index with the theme's own
// search.js, without a browser: `node query.cjs OUTPUT_DIR QUERY...` prints,
// per query, the first results as JSON lines ({query, hits: [{k, t, u}]}).
// tests/search.rs uses it; bench/search.sh compares it with the browser.
"use strict";
const fs = require("fs");
const path = require("path");
const search = require(path.join(__dirname, "../../themes/default/static/search.js"));

const [out, ...queries] = process.argv.slice(2);
const dir = path.join(out, "tim-kiem", "chi-muc");
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
const root = read("index.json");
for (const q of queries) {
  const query = search.parse(q, root);
  const shards = search.shardsFor(root, query).map((s) => read(`s${s}.json`));
  const entry = (id) => read(`m${Math.floor(id / root.m)}.json`)[id % root.m];
  // The page of results the browser shows first, ordered as it orders them.
  const page = search.rank(root, shards, query).slice(0, search.PAGE);
  search.shorterFirst(page, 0, Math.min(search.FIRST, page.length), entry);
  search.shorterFirst(page, search.FIRST, page.length, entry);
  const hits = page.slice(0, 5).map(([id, score]) => {
    const e = entry(id);
    return { k: e.k, t: e.t, u: e.u, r: e.r, score: Math.round(score * 100) / 100 };
  });
  console.log(JSON.stringify({ query: q, shards: search.shardsFor(root, query).length, hits }));
}
