// Lay the flow out as A4 sheets on screen: the flow is set in columns as high as the text block,
// and each sheet shows one column of it. Printing uses the flow itself and the @page rules.
(function () {
  "use strict";

  function paginate() {
    var flow = document.getElementById("sk-flow");
    var pages = document.getElementById("sk-pages");
    if (!flow || !pages) {
      return;
    }
    // Keep the reader where they were: the sheets are rebuilt on every update of the preview.
    var scrollX = window.scrollX;
    var scrollY = window.scrollY;
    var columns = document.createElement("div");
    columns.className = "sk-doc sk-columns";
    columns.innerHTML = flow.innerHTML;
    var first = makePage(columns, 1);
    pages.replaceChildren(first);
    document.body.classList.add("sk-paginated");
    var block = first.querySelector(".sk-text-block");
    var pitch = block.getBoundingClientRect().width + columnGap(columns);
    var count = columnCount(columns, pitch);
    for (var number = 2; number <= count; number += 1) {
      var copy = columns.cloneNode(true);
      copy.style.left = -(number - 1) * pitch + "px";
      pages.appendChild(makePage(copy, number));
    }
    window.scrollTo(scrollX, scrollY);
    document.dispatchEvent(new CustomEvent("sk:paginated", { detail: { pages: count } }));
  }

  function makePage(columns, number) {
    var page = document.createElement("section");
    page.className = "sk-page";
    page.setAttribute("data-page", String(number));
    var block = document.createElement("div");
    block.className = "sk-text-block";
    block.appendChild(columns);
    var folio = document.createElement("div");
    folio.className = "sk-page-number " + (number % 2 ? "sk-odd" : "sk-even");
    folio.textContent = "— " + number + " —";
    page.appendChild(block);
    page.appendChild(folio);
    return page;
  }

  function columnGap(element) {
    var gap = parseFloat(window.getComputedStyle(element).columnGap);
    return isNaN(gap) ? 0 : gap;
  }

  function columnCount(columns, pitch) {
    var range = document.createRange();
    range.selectNodeContents(columns);
    var left = columns.getBoundingClientRect().left;
    var right = left;
    var rects = range.getClientRects();
    for (var i = 0; i < rects.length; i += 1) {
      if (rects[i].width > 0 || rects[i].height > 0) {
        right = Math.max(right, rects[i].right);
      }
    }
    return Math.max(1, Math.ceil((right - left - 0.5) / pitch));
  }

  window.speechkitPaginate = paginate;
  if (window.matchMedia && !window.matchMedia("screen").matches) {
    return;
  }
  paginate();
  if (document.fonts && document.fonts.ready) {
    document.fonts.ready.then(paginate);
  }
})();
