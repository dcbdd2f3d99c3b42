/* archive-gen reading tools: font size (大/中/小, remembered), copy citation, share link, the date
   picker and the print line. Every tool is hidden or inert without JavaScript; nothing is loaded from
   elsewhere, and the date list is a <script> file so the picker works from file:// too. */
(function () {
  "use strict";
  var FONT_KEY = "archive-gen-font";

  function status(box, text) {
    if (!box) return;
    box.textContent = text;
  }

  /* -- font size ------------------------------------------------------------------------------ */
  function setFont(size) {
    var root = document.documentElement;
    if (size === "l" || size === "s") root.dataset.font = size; else delete root.dataset.font;
    try { localStorage.setItem(FONT_KEY, size); } catch (e) { /* private mode: not remembered */ }
    document.querySelectorAll(".font-toggle button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.font === (size || "m")));
    });
  }

  function initFonts() {
    var groups = document.querySelectorAll(".font-toggle");
    if (!groups.length) return;
    var size = document.documentElement.dataset.font || "m";
    groups.forEach(function (group) {
      group.hidden = false;
      group.querySelectorAll("button").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.dataset.font === size));
        b.addEventListener("click", function () { setFont(b.dataset.font); });
      });
    });
  }

  /* -- copy citation, share link ------------------------------------------------------------- */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }

  function initShare() {
    document.querySelectorAll(".share-tools").forEach(function (tools) {
      tools.hidden = false;
      var box = tools.querySelector(".tool-status");
      var cite = tools.querySelector(".copy-citation");
      if (cite) {
        cite.addEventListener("click", function () {
          var source = document.getElementById(cite.dataset.target);
          var text = source ? source.textContent.trim() : "";
          copyText(text).then(function () { status(box, "已复制引用：" + text); },
                              function () { status(box, "无法自动复制，请手动选择引用文字"); });
        });
      }
      var share = tools.querySelector(".share-link");
      if (share) {
        share.addEventListener("click", function () {
          var url = share.dataset.url || location.href.split("#")[0];
          if (navigator.share) {
            navigator.share({title: share.dataset.title || document.title, url: url}).catch(function () {});
            return;
          }
          copyText(url).then(function () { status(box, "已复制链接：" + url); },
                             function () { status(box, "本文链接：" + url); });
        });
      }
    });
  }

  /* -- print: the line naming source, date and page also carries this page's address ---------- */
  function initPrint() {
    document.querySelectorAll(".print-source").forEach(function (line) {
      if (line.textContent.indexOf("://") < 0 && /^https?:$/.test(location.protocol)) {
        line.appendChild(document.createTextNode(" · " + location.href.split("#")[0]));
      }
    });
  }

  /* -- the date picker ------------------------------------------------------------------------ */
  var issues = null, waiting = [];
  window.AGIssues = function (list) {
    issues = list;
    waiting.splice(0).forEach(function (done) { done(list); });
  };

  function loadIssues(src, done) {
    if (issues) { done(issues); return; }
    waiting.push(done);
    if (document.querySelector("script[data-issue-dates]")) return;
    var tag = document.createElement("script");
    tag.src = src;
    tag.dataset.issueDates = "";
    tag.onerror = function () { waiting.splice(0); };
    document.head.appendChild(tag);
  }

  function dateLabel(key) {
    var p = key.split("-");
    return p.length === 3 ? (+p[0]) + "年" + (+p[1]) + "月" + (+p[2]) + "日" : (+p[0]) + "年" + (+p[1]) + "月";
  }

  /* the issue of that day, else the newest one before it, else the oldest one after it (an issue
     known only by its month counts as of the month's first day) */
  function pick(list, day) {
    var exact = null, before = null, after = null, beforeWhen = "", afterWhen = "";
    list.forEach(function (entry) {
      var when = entry[0].length === 7 ? entry[0] + "-01" : entry[0];
      if (entry[0] === day) exact = entry;
      else if (when <= day && when > beforeWhen) { before = entry; beforeWhen = when; }
      else if (when > day && (!after || when < afterWhen)) { after = entry; afterWhen = when; }
    });
    return exact || before || after;
  }

  function initDateJump() {
    document.querySelectorAll("form.date-jump").forEach(function (form) {
      var input = form.querySelector("input[type=date]");
      var box = form.querySelector(".date-jump-status");
      var src = form.dataset.dates, root = form.dataset.root || "./";
      function limits(list) {
        var full = list.filter(function (e) { return e[0].length === 10; }).map(function (e) { return e[0]; });
        if (full.length) { input.min = full[full.length - 1]; input.max = full[0]; }
      }
      input.addEventListener("focus", function () { loadIssues(src, limits); }, {once: true});
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var day = input.value;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) { status(box, "请先选择日期"); return; }
        status(box, "正在查找……");
        loadIssues(src, function (list) {
          var found = pick(list, day);
          if (!found) { status(box, "档案中还没有任何一期"); return; }
          var target = root + found[1];
          if (found[0] !== day) target += "?from=" + day;
          status(box, found[0] === day ? "正在打开 " + dateLabel(day) : dateLabel(day) + "没有报纸，打开最近的一期：" + dateLabel(found[0]));
          location.href = target;
        });
      });
    });
    /* arrived from the picker on a day without a paper: say so */
    var from = /[?&]from=(\d{4}-\d{2}-\d{2})/.exec(location.search);
    var meta = document.querySelector(".issue-meta");
    if (from && meta) {
      var note = document.createElement("p");
      note.className = "date-jump-note";
      note.setAttribute("role", "status");
      note.textContent = dateLabel(from[1]) + "没有收录报纸，这是最近的一期。";
      meta.parentNode.insertBefore(note, meta.nextSibling);
    }
  }

  function init() {
    initFonts();
    initShare();
    initPrint();
    initDateJump();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
