// Prints the words search.js finds in each input of a JSON-lines table
// (`node words.cjs TABLE`), one JSON line per input: ["key/signature", …].
"use strict";
const fs = require("fs");
const path = require("path");
const { words } = require(path.join(__dirname, "../../themes/default/static/search.js"));
for (const line of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
  if (!line.trim()) continue;
  const found = words(JSON.parse(line).in).map((w) => (w.sig ? `${w.key}/${w.sig}` : w.key));
  console.log(JSON.stringify(found));
}
