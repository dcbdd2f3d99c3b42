/* archive-gen search page: exact substring search over the index in search/ (docs/search.md).
   Every index file is a script calling AGSearch(path, ...), so the same code runs over http(s) and from
   file://. A query is split on spaces into phrases that must all occur; a phrase matches where its
   characters stand next to each other in a kicker, title, subtitle, lead, paragraph or caption. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) { return; }
  var input = document.getElementById("search-query");
  var sortSelect = document.getElementById("search-sort");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var moreButton = document.getElementById("search-more-button");
  var allButton = document.getElementById("search-all-button");
  var unavailable = document.getElementById("search-unavailable");
  var facetBox = document.getElementById("search-facets");
  var siteRoot = form.getAttribute("data-site-root") || "../";
  var rootPath = form.getAttribute("data-index") || "search/index.js";
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var FACETS = ["province", "prefecture", "county", "topic", "year", "kind"];
  var PAGE = 20;
  var DEBOUNCE_MS = 250;
  var RADIX = 46341;  // search.py's pack: 31 bits in two UTF-16 units of RADIX values from U+0100, U+2028/9 skipped
  var VERIFY_DIRECT = 2;  // search.py: candidates of a first match checked against their text right away

  // ------------------------------------------------------------------------------------------
  // loading index files: script tags (they work from file://, where fetch does not)
  var waiting = {};
  var scripts = {};
  var decoded = {};
  window.AGSearch = function (path, a, b) {
    var w = waiting[path];
    if (w) { delete waiting[path]; w.resolve(b === undefined ? a : [a, b]); }
  };

  // urgent: the browser fetches it before the others waiting (the newest shard, the text of results shown)
  function loadScript(path, urgent) {
    if (!scripts[path]) {
      scripts[path] = new Promise(function (resolve, reject) {
        waiting[path] = { resolve: resolve };
        var tag = document.createElement("script");
        tag.src = siteRoot + path;
        tag.async = true;
        if (urgent || (newest && path.indexOf(newest) === 0)) { tag.fetchPriority = "high"; }
        tag.onload = function () {
          tag.remove();
          if (waiting[path]) { delete waiting[path]; delete scripts[path]; reject(new Error("not an index file: " + path)); }
        };
        tag.onerror = function () {
          tag.remove(); delete waiting[path]; delete scripts[path];
          reject(new Error("cannot load " + path));
        };
        document.head.appendChild(tag);
      });
    }
    return scripts[path];
  }

  // the packed payload back to bytes: each pair of units carries 31 bits (search.py's pack)
  function unpack(text, size) {
    var out = new Uint8Array(size), acc = 0, bits = 0, j = 0;
    function put(v, n) {
      acc = (acc << n) | v;
      bits += n;
      while (bits >= 8 && j < size) { bits -= 8; out[j++] = (acc >>> bits) & 0xff; }
      acc &= (1 << bits) - 1;
    }
    function unit(c) { return c - 0x100 - (c > 0x2029 ? 2 : 0); }
    for (var i = 0; i + 1 < text.length && j < size; i += 2) {
      var v = unit(text.charCodeAt(i)) * RADIX + unit(text.charCodeAt(i + 1));
      put(Math.floor(v / 32768), 16);
      put(v % 32768, 15);
    }
    return out;
  }

  // raw deflate (RFC 1951) decoded right here, synchronously: a DecompressionStream per file took several
  // task turns of a busy page each, and the next file of a query could only be asked for after them
  var LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163,
    195, 227, 258];
  var LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
    3073, 4097, 6145, 8193, 12289, 16385, 24577];
  var DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var CODE_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  var fixedCodes = null;

  // a canonical Huffman code as one lookup table over its longest code: entry (symbol << 4) | length
  function huffman(lengths) {
    var max = 0, count = new Int32Array(16), next = new Int32Array(16), i, code = 0;
    for (i = 0; i < lengths.length; i++) { count[lengths[i]]++; if (lengths[i] > max) { max = lengths[i]; } }
    count[0] = 0;
    for (i = 1; i <= max; i++) { code = (code + count[i - 1]) << 1; next[i] = code; }
    var table = new Int32Array(1 << max);
    for (var sym = 0; sym < lengths.length; sym++) {
      var len = lengths[sym];
      if (!len) { continue; }
      var c = next[len]++, reversed = 0;
      for (i = 0; i < len; i++) { reversed = (reversed << 1) | ((c >> i) & 1); }
      for (i = reversed; i < table.length; i += 1 << len) { table[i] = (sym << 4) | len; }
    }
    return { table: table, bits: max };
  }

  function inflate(src) {
    var out = new Uint8Array(Math.max(1024, src.length * 4)), op = 0, ip = 0, buf = 0, held = 0;
    function need(n) {
      while (held < n) {
        if (ip > src.length + 4) { throw new Error("truncated index data"); }
        buf |= (ip < src.length ? src[ip] : 0) << held; ip++; held += 8;
      }
    }
    function bits(n) { need(n); var v = buf & ((1 << n) - 1); buf >>>= n; held -= n; return v; }
    function symbol(code) {
      need(code.bits);
      var e = code.table[buf & ((1 << code.bits) - 1)], len = e & 15;
      if (!len) { throw new Error("bad index data"); }
      buf >>>= len; held -= len;
      return e >> 4;
    }
    function room(n) {
      if (op + n <= out.length) { return; }
      var bigger = new Uint8Array(Math.max(out.length * 2, op + n));
      bigger.set(out.subarray(0, op)); out = bigger;
    }
    var last, i;
    do {
      last = bits(1);
      var type = bits(2), lit, dist;
      if (type === 0) {  // stored
        buf >>>= held & 7; held -= held & 7;
        var n = bits(16); bits(16);
        room(n);
        for (i = 0; i < n; i++) { out[op++] = bits(8); }
        continue;
      }
      if (type === 1) {
        if (!fixedCodes) {
          var fixed = new Uint8Array(288);
          for (i = 0; i < 288; i++) { fixed[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8; }
          fixedCodes = [huffman(fixed), huffman(new Uint8Array(30).fill(5))];
        }
        lit = fixedCodes[0]; dist = fixedCodes[1];
      } else if (type === 2) {
        var nlit = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4, lengths = new Uint8Array(19);
        for (i = 0; i < ncode; i++) { lengths[CODE_ORDER[i]] = bits(3); }
        var lengthCode = huffman(lengths), all = new Uint8Array(nlit + ndist);
        for (i = 0; i < nlit + ndist;) {
          var s = symbol(lengthCode), repeat = 0, value = 0;
          if (s < 16) { all[i++] = s; continue; }
          if (s === 16) { if (!i) { throw new Error("bad index data"); } value = all[i - 1]; repeat = 3 + bits(2); }
          else if (s === 17) { repeat = 3 + bits(3); } else { repeat = 11 + bits(7); }
          if (i + repeat > all.length) { throw new Error("bad index data"); }
          all.fill(value, i, i + repeat); i += repeat;
        }
        lit = huffman(all.subarray(0, nlit)); dist = huffman(all.subarray(nlit));
      } else { throw new Error("bad index data"); }
      for (;;) {
        var sym = symbol(lit);
        if (sym < 256) { room(1); out[op++] = sym; continue; }
        if (sym === 256) { break; }
        sym -= 257;
        var length = LEN_BASE[sym] + bits(LEN_EXTRA[sym]), d = symbol(dist), back = DIST_BASE[d] + bits(DIST_EXTRA[d]);
        if (back > op) { throw new Error("bad index data"); }
        room(length);
        for (i = 0; i < length; i++, op++) { out[op] = out[op - back]; }
      }
    } while (!last);
    return out.subarray(0, op);
  }

  function loadData(path, urgent) {
    if (!decoded[path]) {
      decoded[path] = loadScript(path, urgent).then(function (args) { return inflate(unpack(args[1], args[0])); });
      decoded[path].catch(function () { delete decoded[path]; });
    }
    return decoded[path];
  }

  function Reader(bytes, pos, end) { this.b = bytes; this.p = pos || 0; this.end = end === undefined ? bytes.length : end; }
  Reader.prototype.next = function () {
    var value = 0, scale = 1, byte;
    do { byte = this.b[this.p++]; value += (byte & 0x7f) * scale; scale *= 128; } while (byte & 0x80);
    return value;
  };
  Reader.prototype.more = function () { return this.p < this.end; };

  function utf8(bytes) { return new TextDecoder("utf-8").decode(bytes); }

  // ------------------------------------------------------------------------------------------
  // the index: root, per-shard meta, dictionary buckets, pages, text chunks (search.py's index_shard)
  var root = null;
  var newest = null;  // folder of the newest shard: its files come first
  var metas = {};
  var memo = {};

  function shardPath(shard, file) { return "search/" + shard.dir + "/" + file; }

  function once(key, make) {
    if (!memo[key]) {
      memo[key] = make();
      memo[key].catch(function () { delete memo[key]; });
    }
    return memo[key];
  }

  function loadMeta(shard) {
    return once("m " + shard.dir, function () {
      return loadData(shardPath(shard, "meta.js")).then(function (bytes) {
        var r = new Reader(bytes, 0);
        var size = r.next();
        var head = JSON.parse(utf8(bytes.subarray(r.p, r.p + size)));
        r.p += size;
        var n = head.docs, kind = new Int32Array(n), year = new Int32Array(n), regions = [], topics = [];
        for (var d = 0; d < n; d++) {
          kind[d] = r.next();
          year[d] = r.next();
          var rs = [], ts = [], k;
          for (k = r.next(); k > 0; k--) { rs.push(r.next()); }
          for (k = r.next(); k > 0; k--) { ts.push(r.next()); }
          regions.push(rs); topics.push(ts);
        }
        return { n: n, tables: head.tables, kind: kind, year: year, regions: regions, topics: topics };
      });
    });
  }

  function hash(first, second, count) {
    var h = (Math.imul(first, 0x9e3779b1) ^ second) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    return h & (count - 1);
  }

  // one bucket: "first second" -> {docs, list: bytes or [offset, length] in the pages, trie: same or null}
  function loadBucket(shard, first, second) {
    var path = shardPath(shard, "d" + hash(first, second, shard.d) + ".js");
    return once("d " + path, function () {
      return loadData(path).then(function (bytes) {
        var r = new Reader(bytes, 0), count = r.next(), heads = [], i;
        for (i = 0; i < count; i++) {
          var h = { key: r.next() + " " + r.next(), docs: r.next() }, flags = r.next(), mode = flags >> 1;
          h.listRef = flags & 1 ? [r.next(), r.next()] : null;
          h.listSize = h.listRef ? 0 : r.next();
          h.trieRef = mode === 2 ? [r.next(), r.next()] : null;
          h.trieSize = mode === 1 ? r.next() : 0;
          h.hasTrie = mode > 0;
          heads.push(h);
        }
        var map = new Map(), at = r.p;
        heads.forEach(function (h) {
          var entry = { docs: h.docs, list: h.listRef, trie: h.trieRef, hasTrie: h.hasTrie, key: h.key };
          if (!h.listRef) { entry.list = bytes.subarray(at, at + h.listSize); at += h.listSize; }
          if (h.hasTrie && !h.trieRef) { entry.trie = bytes.subarray(at, at + h.trieSize); at += h.trieSize; }
          map.set(h.key, entry);
        });
        return map;
      });
    });
  }

  // bytes [offset, offset + length) of the shard's pages
  function pageBytes(shard, ref) {
    var first = Math.floor(ref[0] / root.page), last = Math.floor((ref[0] + ref[1] - 1) / root.page), loads = [];
    for (var n = first; n <= last; n++) { loads.push(loadData(shardPath(shard, "l" + n + ".js"))); }
    return Promise.all(loads).then(function (pages) {
      var out = new Uint8Array(ref[1]), at = 0, skip = ref[0] - first * root.page;
      pages.forEach(function (page) {
        var part = page.subarray(Math.min(skip, page.length), Math.min(page.length, skip + ref[1] - at));
        out.set(part, at);
        at += part.length;
        skip = Math.max(0, skip - page.length);
      });
      return out;
    });
  }

  function bytesOf(shard, held) { return held instanceof Uint8Array ? Promise.resolve(held) : pageBytes(shard, held); }

  // a doc list: Map doc -> best field class (0 head, 1 lead, 2 body), from values (doc gap << 2) | class
  function docList(r, count) {
    var out = new Map(), doc = 0;
    for (var i = 0; count === undefined ? r.more() : i < count; i++) {
      var v = r.next();
      doc += Math.floor(v / 4);
      out.set(doc, v % 4);
    }
    return out;
  }

  function entryDocs(shard, entry) {
    return bytesOf(shard, entry.list).then(function (bytes) { return docList(new Reader(bytes, 0)); });
  }

  // a pair's trie (search.py's _tries): per node its children by code point and its list: a place in the
  // pages (ref), its values read here (docs), or the child sharing it (via); a longest gram has a label, the
  // code points every one of its occurrences goes on with
  function trieOf(shard, entry) {
    if (!entry.hasTrie) { return Promise.resolve(null); }
    return once("x " + shard.dir + " " + entry.key, function () {
      return bytesOf(shard, entry.trie).then(function (bytes) {
        var r = new Reader(bytes, 0);
        function children(count) {
          var found = new Map();
          for (var i = 0; i < count; i++) {
            var code = r.next(), head = r.next(), kind = head % 4, node = { via: -1, label: [] }, k;
            if (kind === 0) { node.via = r.next(); } else if (kind === 1) { node.ref = [r.next(), r.next()]; } else { node.docs = docList(r, r.next()); }
            if (head & 4) { for (k = r.next(); k > 0; k--) { node.label.push(r.next()); } }
            node.children = children(Math.floor(head / 8));
            found.set(code, node);
          }
          return found;
        }
        return { children: children(r.next()) };
      });
    });
  }

  function nodeDocs(shard, node) {
    while (node.via >= 0) { node = Array.from(node.children.values())[node.via]; }
    if (node.docs) { return Promise.resolve(node.docs); }
    return pageBytes(shard, node.ref).then(function (bytes) { return docList(new Reader(bytes, 0)); });
  }

  // the longest gram with a list at `start` of the phrase: {end, docs}, or null when the phrase can be in no
  // doc of the shard (no doc has its pair at `start`, or it leaves a label)
  function longest(shard, cps, start) {
    return loadBucket(shard, cps[start], cps[start + 1]).then(function (map) {
      var entry = map.get(cps[start] + " " + cps[start + 1]);
      if (!entry) { return null; }
      return trieOf(shard, entry).then(function (trie) {
        var end = start + 2, node = trie, deepest = null;
        while (node && end < cps.length && node.children.has(cps[end])) {
          node = deepest = node.children.get(cps[end]);
          end++;
        }
        if (deepest) {
          for (var k = 0; k < deepest.label.length && end < cps.length; k++, end++) {
            if (cps[end] !== deepest.label[k]) { return null; }
          }
        }
        return (deepest ? nodeDocs(shard, deepest) : entryDocs(shard, entry)).then(function (docs) {
          return { end: end, docs: docs };
        });
      });
    });
  }

  // the text chunk row of a doc: [url, title, date, page, kind, region, text, head end, lead end]
  function rowOf(shard, doc, urgent) {
    var path = shardPath(shard, "t" + Math.floor(doc / root.chunk) + ".js");
    return once("t " + path, function () {
      return loadData(path, urgent).then(function (bytes) { return JSON.parse(utf8(bytes)); });
    }).then(function (rows) { return rows[doc % root.chunk]; });
  }

  function classAt(at, row) { return at < row[7] ? 0 : at < row[8] ? 1 : 2; }

  // candidates checked against their own text: the docs that hold the phrase, with the class of its first hit
  function verify(shard, candidates, phrase) {
    var docs = Array.from(candidates.keys()).sort(function (a, b) { return a - b; });
    return Promise.all(docs.map(function (doc) { return rowOf(shard, doc); })).then(function (rows) {
      var found = new Map();
      rows.forEach(function (row, i) {
        var at = normalise(row[6]).indexOf(phrase);
        if (at !== -1) { found.set(docs[i], classAt(at, row)); }
      });
      return found;
    });
  }

  function intersect(a, b) {
    var out = new Map();
    a.forEach(function (cls, doc) { if (b.has(doc)) { out.set(doc, cls); } });
    return out;
  }

  // docs of one shard holding one phrase: Map doc -> best field class. A phrase with a list of its own is
  // answered by it; otherwise the lists of its parts narrow it to candidates, and their text decides
  // (search.py's IndexReader.phrase_docs)
  function phraseDocs(shard, cps, phrase) {
    if (cps.length < 3) {
      return loadBucket(shard, cps[0], cps.length === 2 ? cps[1] : 0).then(function (map) {
        var entry = map.get(cps[0] + " " + (cps.length === 2 ? cps[1] : 0));
        return entry ? entryDocs(shard, entry) : new Map();
      });
    }
    return longest(shard, cps, 0).then(function (first) {
      if (!first) { return new Map(); }
      if (first.end === cps.length) { return first.docs; }
      // the phrase has no list of its own: its first gram stopped short, so a rare part (a pair or a border
      // gram with few docs) ends just after it; the three starts before that end are read first, the others
      // only if none of them was rare (search.py's _second_starts)
      var end = first.end, near = [], far = [], s;
      [end - 1, end - 2, end - 3].forEach(function (s) { if (s >= 1 && s <= cps.length - 2) { near.push(s); } });
      for (s = 1; s < cps.length - 1; s++) { if (near.indexOf(s) === -1) { far.push(s); } }
      function narrow(candidates, starts) {
        return Promise.all(starts.map(function (s) { return longest(shard, cps, s); })).then(function (found) {
          for (var i = 0; i < found.length; i++) {
            if (!found[i]) { return null; }
            candidates = intersect(candidates, found[i].docs);
          }
          return candidates;
        });
      }
      var narrowed = Promise.resolve(first.docs);
      if (first.docs.size > VERIFY_DIRECT) {
        narrowed = narrow(first.docs, near).then(function (candidates) {
          if (!candidates || candidates.size < root.frequent) { return candidates; }
          return narrow(candidates, far);
        });
      }
      return narrowed.then(function (candidates) { return candidates ? verify(shard, candidates, phrase) : new Map(); });
    });
  }

  // ------------------------------------------------------------------------------------------
  // queries
  // one character for one, as search.py's normalise: full-width ASCII to ASCII, A-Z to a-z, spaces to breaks
  function normalise(text) {
    return text.replace(/[\uff01-\uff5e]/g, function (ch) { return String.fromCharCode(ch.charCodeAt(0) - 0xfee0); })
      .replace(/[A-Z]+/g, function (run) { return run.toLowerCase(); }).replace(/\s/g, "\n");
  }

  function phrasesOf(query) {
    var seen = {};
    return normalise(query).split("\n").filter(function (p) {
      if (!p || seen[p]) { return false; }
      seen[p] = true;
      return true;
    });
  }

  function codePoints(phrase) { return Array.from(phrase).map(function (ch) { return ch.codePointAt(0); }); }

  function docValues(meta, doc) {
    var t = meta.tables, v = { province: [], prefecture: [], county: [], topic: [], year: [], kind: [] };
    meta.regions[doc].forEach(function (id) {
      var r = t.region[id];
      ["province", "prefecture", "county"].forEach(function (level, i) {
        if (r[i] && v[level].indexOf(r[i]) === -1) { v[level].push(r[i]); }
      });
    });
    meta.topics[doc].forEach(function (id) { v.topic.push(t.topic[id]); });
    if (t.year[meta.year[doc]]) { v.year.push(t.year[meta.year[doc]]); }
    v.kind.push(t.kind[meta.kind[doc]]);
    return v;
  }

  // hits of one shard: docs holding every phrase, ranked by the sum of their classes
  function shardHits(found, s) {
    var hits = [];
    found.sort(function (a, b) { return a.size - b.size; });
    found[0].forEach(function (cls, doc) {
      var rank = cls;
      for (var i = 1; i < found.length; i++) {
        var other = found[i].get(doc);
        if (other === undefined) { return; }
        rank += other;
      }
      hits.push({ shard: s, doc: doc, rank: rank });
    });
    return hits;
  }

  // the hits that pass every active filter, and for each filter the counts of its values among the hits
  // that pass the other filters
  function facets(perShard, metas, active) {
    var names = Object.keys(active), counts = {}, results = [];
    FACETS.forEach(function (f) { counts[f] = {}; });
    perShard.forEach(function (hits, s) {
      hits.forEach(function (hit) {
        var values = docValues(metas[s], hit.doc), failed = [];
        names.forEach(function (name) { if (values[name].indexOf(active[name]) === -1) { failed.push(name); } });
        if (failed.length > 1) { return; }
        FACETS.forEach(function (f) {
          if (failed.length && failed[0] !== f) { return; }
          values[f].forEach(function (value) { counts[f][value] = (counts[f][value] || 0) + 1; });
        });
        if (!failed.length) { results.push(hit); }
      });
    });
    return { results: results, counts: counts };
  }

  // a query, shard by shard: {shards: per shard (newest first) a promise of its hits [{shard, doc, rank}] that
  // pass the active filters, counts(): a promise of the filter counts}. The shards' meta files are read with
  // the hits only when a filter is active; otherwise only counts() asks for them, once the first results
  // have asked for their text
  function runQuery(query, active) {
    var phrases = phrasesOf(query);
    var raw = root.shards.map(function (shard, s) {
      if (!phrases.length) {
        return loadMeta(shard).then(function (meta) {
          var hits = [];
          for (var d = 0; d < meta.n; d++) { hits.push({ shard: s, doc: d, rank: 0 }); }
          return hits;
        });
      }
      return Promise.all(phrases.map(function (p) { return phraseDocs(shard, codePoints(p), p); })).then(function (found) {
        return shardHits(found, s);
      });
    });
    var passing = Object.keys(active).length === 0 ? raw : raw.map(function (hits, s) {
      return Promise.all([hits, loadMeta(root.shards[s])]).then(function (both) {
        return facets([both[0]], [both[1]], active).results;
      });
    });
    return {
      shards: passing,
      counts: function () {
        return Promise.all([Promise.all(raw), Promise.all(root.shards.map(loadMeta))]).then(function (both) {
          return facets(both[0], both[1], active).counts;
        });
      }
    };
  }

  // the start of the results (up to a page) that no answer still to come can change: the hits of the newest
  // shards that have all answered that no hit of an older shard can precede — any hit in date order; in
  // relevance order a hit with every phrase in the head (rank 0), since older shards come after among equals
  function settledStart(settled, byDate) {
    var found = [];
    for (var s = 0; s < root.shards.length && settled[s] && found.length < PAGE; s++) {
      settled[s].forEach(function (hit) { if (byDate || hit.rank === 0) { found.push(hit); } });
    }
    return order(found, byDate).slice(0, PAGE);
  }

  // hits by rank (unless by date), then shard, then doc. They come shard by shard in doc order (doc lists
  // are ascending), so one stable pass by rank sorts them, not a comparison sort of up to every item
  function order(results, byDate) {
    for (var i = 1; i < results.length; i++) {
      var a = results[i - 1], b = results[i];
      if (a.shard > b.shard || (a.shard === b.shard && a.doc >= b.doc)) {
        return results.sort(function (x, y) { return (byDate ? 0 : x.rank - y.rank) || x.shard - y.shard || x.doc - y.doc; });
      }
    }
    if (byDate) { return results; }
    var byRank = [];
    results.forEach(function (hit) { (byRank[hit.rank] || (byRank[hit.rank] = [])).push(hit); });
    return [].concat.apply([], byRank.filter(Boolean));
  }

  // ------------------------------------------------------------------------------------------
  // showing results
  var KIND_LABELS = {};
  var kindSelect = form.querySelector('select[data-filter="kind"]');
  if (kindSelect) {
    Array.prototype.forEach.call(kindSelect.options, function (o) {
      if (o.value) { KIND_LABELS[o.value] = o.getAttribute("data-label") || o.value; }
    });
  }

  function chunk(hit) { return rowOf(root.shards[hit.shard], hit.doc, true); }

  // site-relative article path -> link from this page; anything else (javascript:, //host) is refused
  function toHref(url) {
    var path = String(url || "").replace(/^\/+/, "");
    if (!/^[A-Za-z0-9._\/-]+$/.test(path) || path.indexOf("..") !== -1) { return null; }
    return siteRoot + path;
  }

  // text with every occurrence of the phrases marked (overlaps merged)
  function marked(text, phrases) {
    var norm = normalise(text), spans = [];
    phrases.forEach(function (p) {
      for (var at = norm.indexOf(p); at !== -1; at = norm.indexOf(p, at + 1)) { spans.push([at, at + p.length]); }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var frag = document.createDocumentFragment(), pos = 0;
    spans.forEach(function (span) {
      if (span[1] <= pos) { return; }
      var from = Math.max(span[0], pos);
      frag.appendChild(document.createTextNode(text.slice(pos, from)));
      var m = document.createElement("mark");
      m.textContent = text.slice(from, span[1]);
      frag.appendChild(m);
      pos = span[1];
    });
    frag.appendChild(document.createTextNode(text.slice(pos)));
    return frag;
  }

  // a window of the text around the first hit after the head (or the opening when the hit is in the title)
  function snippet(text, headEnd, phrases) {
    var norm = normalise(text), first = -1, length = 0;
    phrases.forEach(function (p) {
      var at = norm.indexOf(p, headEnd);
      if (at !== -1 && (first === -1 || at < first)) { first = at; length = p.length; }
    });
    var body = headEnd > 0 ? headEnd + 1 : 0;
    var start = first === -1 ? body : Math.max(body, first - 40);
    var end = Math.min(text.length, Math.max(start + 120, first + length + 40));
    var piece = text.slice(start, end).replace(/\n/g, " ");
    var frag = document.createDocumentFragment();
    if (start > body) { frag.appendChild(document.createTextNode("…")); }
    frag.appendChild(marked(piece, phrases));
    if (end < text.length) { frag.appendChild(document.createTextNode("…")); }
    return frag;
  }

  function resultItem(hit, row, phrases) {
    var url = row[0], title = row[1], date = row[2], page = row[3], kind = row[4], region = row[5], text = row[6];
    var headEnd = row[7];
    var href = toHref(url);
    var li = document.createElement("li");
    var h = document.createElement("h2"); h.className = "card-title";
    var a = document.createElement(href ? "a" : "span");
    if (href) { a.href = href; a.setAttribute("data-result", ""); }
    a.appendChild(marked(title, phrases));
    h.appendChild(a); li.appendChild(h);
    var meta = document.createElement("p"); meta.className = "card-meta";
    var parts = [];
    if (date) { var time = document.createElement("time"); time.textContent = date; if (/^\d{4}-\d{2}-\d{2}$/.test(date)) { time.dateTime = date; } parts.push(time); }
    if (page !== null && page !== undefined) { parts.push(document.createTextNode("第" + page + "版")); }
    parts.push(document.createTextNode(KIND_LABELS[kind] || kind));
    if (region) { parts.push(document.createTextNode(region)); }
    parts.forEach(function (node, i) { if (i) { meta.appendChild(document.createTextNode(" · ")); } meta.appendChild(node); });
    li.appendChild(meta);
    var p = document.createElement("p"); p.className = "snippet";
    p.appendChild(snippet(text, headEnd, phrases));
    li.appendChild(p);
    return li;
  }

  // ------------------------------------------------------------------------------------------
  // the page: state in the URL, search as you type, stale answers dropped
  var generation = 0;
  var current = null;  // {results, shown, phrases, gen}
  var timer = null;
  var defaultCounts = {};
  selects.forEach(function (s) {
    Array.prototype.forEach.call(s.options, function (o) {
      if (o.value) { defaultCounts[s.name + "\t" + o.value] = o.getAttribute("data-count"); }
    });
  });

  function setStatus(text) { status.textContent = text; }

  function filters() {
    var out = {};
    selects.forEach(function (s) { if (s.value) { out[s.getAttribute("data-filter")] = s.value; } });
    return out;
  }

  function stateUrl() {
    var params = new URLSearchParams();
    if (input.value.trim()) { params.set("q", input.value.trim()); }
    selects.forEach(function (s) { if (s.value) { params.set(s.name, s.value); } });
    if (sortSelect && sortSelect.value) { params.set("sort", sortSelect.value); }
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }

  function remember(push) {
    var url = stateUrl();
    if (url === location.pathname + location.search + location.hash) { return; }
    try {
      if (push) { history.pushState(null, "", url); } else { history.replaceState(null, "", url); }
    } catch (e) { /* some file:// setups refuse history changes: the search itself still works */ }
  }

  function showCounts(counts) {
    selects.forEach(function (s) {
      Array.prototype.forEach.call(s.options, function (o) {
        if (!o.value) { return; }
        var n = counts ? (counts[s.name][o.value] || 0) : defaultCounts[s.name + "\t" + o.value];
        o.textContent = (o.getAttribute("data-label") || o.value) + "（" + n + "）";
      });
    });
  }

  function clearResults() {
    list.textContent = "";
    list.removeAttribute("data-result-count");
    more.hidden = true;
  }

  function showRows(hits, rows, phrases) {
    var items = document.createDocumentFragment();
    rows.forEach(function (row, i) { items.appendChild(resultItem(hits[i], row, phrases)); });
    list.appendChild(items);
  }

  function showLeft(state) {
    var left = state.results.length - state.shown;
    more.hidden = left <= 0;
    moreButton.textContent = "显示更多（还有 " + left + " 篇）";
  }

  function showMore(count) {
    var state = current;
    if (!state) { return Promise.resolve(); }
    var slice = state.results.slice(state.shown, state.shown + count);
    state.shown += slice.length;
    list.setAttribute("aria-busy", "true");
    return Promise.all(slice.map(chunk)).then(function (rows) {
      if (state !== current) { return; }
      showRows(slice, rows, state.phrases);
      list.removeAttribute("aria-busy");
      showLeft(state);
    });
  }

  function samePage(shown, results) {
    for (var i = 0; i < shown.length; i++) {
      if (!results[i] || results[i].shard !== shown[i].shard || results[i].doc !== shown[i].doc) { return false; }
    }
    return true;
  }

  function run(push) {
    clearTimeout(timer);
    var gen = ++generation;
    var query = input.value.trim();
    var active = filters();
    remember(push);
    current = null;
    if (!query && Object.keys(active).length === 0) {
      clearResults();
      showCounts(null);
      setStatus("输入关键词开始搜索。");
      return Promise.resolve();
    }
    if (!root) { return Promise.resolve(); }
    list.setAttribute("aria-busy", "true");
    list.removeAttribute("data-result-count");
    setStatus("正在搜索…");
    var byDate = sortSelect && sortSelect.value === "date", phrases = phrasesOf(query);
    var answer = runQuery(query, active), settled = [], waiting = root.shards.length;
    // the first results go up as soon as the newest shards decide them, in their final order (later ones
    // only append); the count, the rest of the page and the filter counts wait for every shard
    var early = { hits: [], asked: 0, done: Promise.resolve() };
    answer.shards.forEach(function (hits, s) {
      hits.then(function (found) {
        settled[s] = found;
        waiting--;
        if (gen !== generation || !waiting || early.asked >= PAGE) { return; }
        var start = settledStart(settled, byDate);
        if (start.length <= early.asked) { return; }
        var fresh = start.slice(early.asked), rows = Promise.all(fresh.map(chunk));  // their text: asked now
        early.asked = start.length;
        early.done = early.done.then(function () { return rows; }).then(function (got) {
          if (gen !== generation) { return; }
          if (!early.hits.length) { list.textContent = ""; more.hidden = true; }
          showRows(fresh, got, phrases);
          early.hits = early.hits.concat(fresh);
        });
        early.done.catch(function () { /* reported below */ });
      }, function () { /* reported below */ });
    });
    return Promise.all(answer.shards).then(function (lists) {
      if (gen !== generation) { return; }  // a newer query was typed meanwhile
      var results = order([].concat.apply([], lists), byDate);
      return early.done.then(function () {
        if (gen !== generation) { return; }
        var state = { results: results, shown: 0, phrases: phrases }, done;
        current = state;
        if (early.hits.length && samePage(early.hits, results)) {
          state.shown = early.hits.length;
          done = showMore(PAGE - state.shown);
        } else {
          list.textContent = "";
          done = showMore(PAGE);
        }
        // asked for after the results' text, so the meta files queue behind it
        answer.counts().then(function (counts) { if (gen === generation) { showCounts(counts); } }, function (err) {
          if (gen === generation) { setStatus("搜索出错：" + err.message); }
        });
        return done.then(function () {
          if (gen !== generation) { return; }
          list.setAttribute("data-result-count", String(results.length));
          setStatus(results.length ? "找到 " + results.length + " 篇。" : "没有找到包含“" + query + "”的稿件。");
        });
      });
    }).catch(function (err) {
      if (gen !== generation) { return; }
      list.removeAttribute("aria-busy");
      setStatus("搜索出错：" + err.message);
    });
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    selects.forEach(function (s) { s.value = params.get(s.name) || ""; });
    if (sortSelect) { sortSelect.value = params.get("sort") === "date" ? "date" : ""; }
    narrow();
  }

  // region selects depend on each other: a province narrows the prefectures and counties offered,
  // and picking a county (names repeat: 朝阳区 is in 北京市 and 长春市) also sets its province and city
  var byFilter = {};
  selects.forEach(function (s) { byFilter[s.getAttribute("data-filter")] = s; });

  function narrow() {
    var province = byFilter.province ? byFilter.province.value : "";
    var prefecture = byFilter.prefecture ? byFilter.prefecture.value : "";
    [["prefecture", false], ["county", true]].forEach(function (pair) {
      var select = byFilter[pair[0]];
      if (!select) { return; }
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) { return; }
        var fits = (!province || option.getAttribute("data-province") === province) &&
          (!pair[1] || !prefecture || option.getAttribute("data-prefecture") === prefecture);
        option.hidden = !fits;
        option.disabled = !fits;
        if (!fits && option.selected) { select.value = ""; }
      });
    });
  }

  function adoptParents(select) {
    var option = select.options[select.selectedIndex];
    if (!option || !option.value) { return; }
    var province = option.getAttribute("data-province");
    var prefecture = option.getAttribute("data-prefecture");
    if (province && byFilter.province) { byFilter.province.value = province; }
    if (prefecture && byFilter.prefecture) { byFilter.prefecture.value = prefecture; }
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); run(true); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(false); }, DEBOUNCE_MS);
  });
  selects.forEach(function (s) {
    s.addEventListener("change", function () {
      var name = s.getAttribute("data-filter");
      if (name === "county" || name === "prefecture") { adoptParents(s); }
      narrow();
      run(true);
    });
  });
  if (sortSelect) { sortSelect.addEventListener("change", function () { run(true); }); }
  moreButton.addEventListener("click", function () { showMore(PAGE); });
  allButton.addEventListener("click", function () { if (current) { showMore(current.results.length); } });
  window.addEventListener("popstate", function () { readUrl(); run(false); });
  if (facetBox && window.matchMedia && window.matchMedia("(max-width: 40em)").matches) { facetBox.open = false; }

  function fail(message) {
    setStatus(message);
    if (unavailable) { unavailable.hidden = false; }
  }

  readUrl();
  loadScript(rootPath).then(function (found) {
    root = found;
    newest = root.shards.length ? shardPath(root.shards[0], "") : null;
    if (input.value || Object.keys(filters()).length) { run(false); }
  }, function () {
    fail("搜索索引没有找到（" + rootPath + "）。请重新生成站点。");
  });
})();
