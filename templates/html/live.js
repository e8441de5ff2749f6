// Follow the server's events: every saved change of the facts file replaces the document,
// the findings and the error line, then the sheets are laid out again.
(function () {
  "use strict";
  var body = document.body;
  var flow = document.getElementById("sk-flow");
  var panel = document.getElementById("sk-panel");
  var error = document.getElementById("sk-error");
  var status = document.getElementById("sk-status");

  function apply(state) {
    if (
      state.server === body.getAttribute("data-server") &&
      String(state.version) === body.getAttribute("data-version")
    ) {
      return;
    }
    body.setAttribute("data-server", state.server);
    body.setAttribute("data-version", String(state.version));
    document.title = state.title;
    if (state.lang) {
      document.documentElement.lang = state.lang;
    }
    flow.innerHTML = state.document;
    panel.innerHTML = state.panel;
    error.textContent = state.error;
    error.hidden = !state.error;
    body.classList.toggle("sk-stale", Boolean(state.error && state.document));
    if (window.speechkitPaginate) {
      window.speechkitPaginate();
    }
  }

  if (!window.EventSource) {
    status.textContent = body.getAttribute("data-no-live") || "此浏览器不能自动刷新";
    return;
  }
  var source = new EventSource("events");
  source.addEventListener("state", function (event) {
    apply(JSON.parse(event.data));
    status.textContent = body.getAttribute("data-synced") || "已同步";
  });
  source.addEventListener("error", function () {
    if (source.readyState === EventSource.CLOSED) {
      // The server refuses a stream (503) only when too many live pages are open.
      status.textContent =
        body.getAttribute("data-full") || "未能实时更新：同时打开的预览页已达上限，请关闭其他预览页后刷新本页";
    } else {
      status.textContent = body.getAttribute("data-reconnecting") || "连接中断，正在重连…";
    }
  });
})();
