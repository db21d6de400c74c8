/* nianbao: small niceties on top of pages that work without JavaScript.
   - suggests facet names (from the page's <datalist>) for the word being typed in the query box;
   - submits the sort / per-page / chart selects as soon as they change.
   No inline styles or handlers: the Content-Security-Policy allows only this file. */
(function () {
  "use strict";

  var BREAK = /[\s()（）:："“”<>=!＞＜≥≤＝&|]/;
  var MAX = 8;

  function names() {
    var list = document.getElementById("facet-names");
    if (!list) return [];
    return Array.prototype.map.call(list.options, function (o) {
      return { value: o.value, label: o.label || "" };
    });
  }

  /* The word that ends at the caret: its start and its text. */
  function currentWord(input) {
    var end = input.selectionStart || 0;
    var start = end;
    while (start > 0 && !BREAK.test(input.value.charAt(start - 1))) start -= 1;
    return { start: start, end: end, text: input.value.slice(start, end) };
  }

  function matches(all, word) {
    if (!word || /^[\d.\-]+$/.test(word) || /^(in|and|or|not)$/i.test(word)) return [];
    var head = [], rest = [];
    all.forEach(function (n) {
      if (n.value === word) return;
      if (n.value.indexOf(word) === 0) head.push(n);
      else if (n.value.indexOf(word) > 0) rest.push(n);
    });
    return head.concat(rest).slice(0, MAX);
  }

  function setupSuggest(input, box, all) {
    var active = -1, shown = [];
    input.removeAttribute("list"); /* our list replaces the browser's whole-value one */

    function hide() { box.hidden = true; active = -1; input.setAttribute("aria-expanded", "false"); }

    function render() {
      box.textContent = "";
      shown.forEach(function (n, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.id = "q-suggest-" + i;
        if (i === active) li.className = "active";
        var name = document.createElement("span");
        name.className = "name";
        name.textContent = n.value;
        var label = document.createElement("span");
        label.className = "label";
        label.textContent = n.label;
        li.appendChild(name);
        li.appendChild(label);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        box.appendChild(li);
      });
      box.hidden = shown.length === 0;
      input.setAttribute("aria-expanded", shown.length ? "true" : "false");
      if (active >= 0) input.setAttribute("aria-activedescendant", "q-suggest-" + active);
      else input.removeAttribute("aria-activedescendant");
    }

    function update() {
      shown = matches(all, currentWord(input).text);
      active = -1;
      render();
    }

    function choose(i) {
      var w = currentWord(input), name = shown[i].value;
      var after = input.value.slice(w.end);
      var space = after.charAt(0) === " " ? "" : " ";
      input.value = input.value.slice(0, w.start) + name + space + after;
      var caret = w.start + name.length + 1;
      input.setSelectionRange(caret, caret);
      hide();
      input.focus();
    }

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", box.id);
    input.addEventListener("input", update);
    input.addEventListener("blur", hide);
    input.addEventListener("keydown", function (e) {
      if (box.hidden) return;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        var step = e.key === "ArrowDown" ? 1 : -1;
        active = (active + step + shown.length) % shown.length;
        render();
      } else if ((e.key === "Enter" || e.key === "Tab") && active >= 0) {
        e.preventDefault();
        choose(active);
      } else if (e.key === "Escape") {
        hide();
      }
    });
  }

  function setupAutosubmit() {
    Array.prototype.forEach.call(document.querySelectorAll("select.autosubmit"), function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
    document.documentElement.classList.add("js");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("q"), box = document.getElementById("q-suggest");
    if (input && box) setupSuggest(input, box, names());
    setupAutosubmit();
  });
})();
