/* archive-gen search page: Pagefind over http(s), the bundled fallback index from file://. No CDN. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) { return; }
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var hint = document.getElementById("search-serve-hint");
  var siteRoot = form.getAttribute("data-site-root") || "./";
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var MAX_RESULTS = 50;
  var engine = null;

  function setStatus(text) { status.textContent = text; }

  function filters() {
    var out = {};
    selects.forEach(function (s) { if (s.value) { out[s.getAttribute("data-filter")] = s.value; } });
    return out;
  }

  // site-relative article path -> link from this page; anything else (javascript:, //host) is refused
  function toHref(url) {
    var path = String(url || "").replace(/^\/+/, "");
    if (!/^[A-Za-z0-9._\/-]+$/.test(path) || path.indexOf("..") !== -1) { return null; }
    return siteRoot + path;
  }

  // Pagefind excerpts are HTML with <mark>; rebuild them from text nodes so nothing else survives
  function excerptNodes(html) {
    var doc = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html");
    var frag = document.createDocumentFragment();
    (function walk(node) {
      Array.prototype.forEach.call(node.childNodes, function (child) {
        if (child.nodeType === 3) { frag.appendChild(document.createTextNode(child.nodeValue)); }
        else if (child.nodeName === "MARK") {
          var m = document.createElement("mark"); m.textContent = child.textContent; frag.appendChild(m);
        } else { walk(child); }
      });
    })(doc.body);
    return frag;
  }

  function textWithMarks(text, terms) {
    var frag = document.createDocumentFragment();
    var lower = text.toLowerCase();
    var pos = 0;
    while (pos < text.length) {
      var best = -1, len = 0;
      terms.forEach(function (t) {
        var i = lower.indexOf(t, pos);
        if (i !== -1 && (best === -1 || i < best)) { best = i; len = t.length; }
      });
      if (best === -1) { frag.appendChild(document.createTextNode(text.slice(pos))); break; }
      frag.appendChild(document.createTextNode(text.slice(pos, best)));
      var m = document.createElement("mark"); m.textContent = text.slice(best, best + len); frag.appendChild(m);
      pos = best + len;
    }
    return frag;
  }

  function show(results, total) {
    list.textContent = "";
    results.forEach(function (r) {
      var href = toHref(r.url);
      if (!href) { return; }
      var li = document.createElement("li");
      var h = document.createElement("h2"); h.className = "card-title";
      var a = document.createElement("a"); a.href = href; a.textContent = r.title; h.appendChild(a);
      li.appendChild(h);
      if (r.date) {
        var meta = document.createElement("p"); meta.className = "card-meta";
        var time = document.createElement("time"); time.textContent = r.date; meta.appendChild(time);
        li.appendChild(meta);
      }
      var p = document.createElement("p"); p.className = "snippet"; p.appendChild(r.snippet); li.appendChild(p);
      list.appendChild(li);
    });
    setStatus(total ? "找到 " + total + " 篇" + (total > results.length ? "，显示前 " + results.length + " 篇" : "") + "。" : "没有找到匹配的稿件。");
  }

  function fallbackEngine(records) {
    return {
      search: function (query, active) {
        var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
        var hits = records.filter(function (rec) {
          var hay = rec.text.toLowerCase();
          for (var key in active) {
            if ((rec.filters[key] || []).indexOf(active[key]) === -1) { return false; }
          }
          return terms.every(function (t) { return hay.indexOf(t) !== -1; });
        });
        return Promise.resolve({
          total: hits.length,
          results: hits.slice(0, MAX_RESULTS).map(function (rec) {
            var text = rec.text, first = terms.length ? text.toLowerCase().indexOf(terms[0]) : 0;
            var start = Math.max(0, first - 30);
            var piece = (start > 0 ? "…" : "") + text.slice(start, start + 110);
            return { url: rec.url, title: rec.title, date: rec.date, snippet: textWithMarks(piece, terms) };
          })
        });
      }
    };
  }

  function pagefindEngine(pagefind) {
    return {
      search: function (query, active) {
        return pagefind.search(query || null, { filters: active, sort: query ? undefined : { date: "desc" } }).then(function (res) {
          return Promise.all(res.results.slice(0, MAX_RESULTS).map(function (r) { return r.data(); })).then(function (data) {
            return {
              total: res.results.length,
              results: data.map(function (d) {
                return { url: d.url, title: (d.meta && d.meta.title) || d.url, date: (d.meta && d.meta.date) || "", snippet: excerptNodes(d.excerpt || "") };
              })
            };
          });
        });
      }
    };
  }

  function load() {
    var primary = form.getAttribute("data-pagefind-src");
    if ((location.protocol === "http:" || location.protocol === "https:") && primary) {
      var src = new URL(primary, location.href).href;
      // one Pagefind bundle per year: load the newest, merge the others (results and filters combine)
      var others = (form.getAttribute("data-pagefind-merge") || "").split(/\s+/).filter(Boolean).map(function (path) {
        return new URL(path, location.href).pathname;
      });
      return import(src).then(function (pf) {
        var ready = Promise.resolve(pf.options ? pf.options({ baseUrl: "/" }) : null).then(function () {
          return pf.init ? pf.init() : null;
        });
        return others.reduce(function (chain, bundle) {
          return chain.then(function () { return pf.mergeIndex(bundle, { baseUrl: "/" }); });
        }, ready).then(function () { return pagefindEngine(pf); });
      }).catch(function () {
        return window.ARCHIVE_SEARCH_FALLBACK ? fallbackEngine(window.ARCHIVE_SEARCH_FALLBACK) : null;
      });
    }
    return Promise.resolve(window.ARCHIVE_SEARCH_FALLBACK ? fallbackEngine(window.ARCHIVE_SEARCH_FALLBACK) : null);
  }

  function run() {
    var query = input.value.trim();
    var active = filters();
    if (!query && Object.keys(active).length === 0) { list.textContent = ""; setStatus("输入关键词开始搜索。"); return; }
    if (!engine) { setStatus("搜索索引不可用。"); if (hint) { hint.hidden = false; } return; }
    setStatus("正在搜索…");
    engine.search(query, active).then(function (out) { show(out.results, out.total); });
  }

  var params = new URLSearchParams(location.search);
  if (params.get("q")) { input.value = params.get("q"); }
  selects.forEach(function (s) { var v = params.get(s.name); if (v) { s.value = v; } });

  load().then(function (found) {
    engine = found;
    if (!engine) {
      if (hint) { hint.hidden = false; }
      setStatus("从本地文件打开时无法搜索本档案，请按下方说明启动本地服务。");
      return;
    }
    if (input.value || Object.keys(filters()).length) { run(); }
  });

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

  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  selects.forEach(function (s) {
    s.addEventListener("change", function () {
      var name = s.getAttribute("data-filter");
      if (name === "county" || name === "prefecture") { adoptParents(s); }
      narrow();
      run();
    });
  });
  narrow();
})();
