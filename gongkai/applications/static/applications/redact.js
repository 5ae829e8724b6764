// Drawing redaction boxes on the page images of the 区分处理 page. Boxes are kept in
// page points from the top-left corner (what the server redacts with) in the hidden
// "boxes" field, and listed (with a remove button each) above the pages.
(function () {
  var field = document.getElementById("redact-boxes");
  var list = document.getElementById("box-list");
  var reason = document.getElementById("redact-reason");
  var note = document.getElementById("redact-note");
  if (!field) { return; }
  var boxes = JSON.parse(field.value || "[]");

  function surfaceOf(page) {
    return document.querySelector('.redact-page[data-page="' + page + '"] .redact-surface');
  }

  function render() {
    field.value = JSON.stringify(boxes);
    document.querySelectorAll(".redact-box").forEach(function (el) { el.remove(); });
    list.innerHTML = "";
    boxes.forEach(function (box, index) {
      var figure = document.querySelector('.redact-page[data-page="' + box.page + '"]');
      if (figure) {  // a box typed for a page that is not there is listed, and refused on saving
        var surface = surfaceOf(box.page);
        var scale = surface.clientWidth / parseFloat(figure.dataset.width);
        var el = document.createElement("div");
        el.className = "redact-box";
        el.style.cssText = "position:absolute;background:rgba(0,0,0,.75);outline:2px solid #c00;" +
          "left:" + box.x0 * scale + "px;top:" + box.y0 * scale + "px;width:" + (box.x1 - box.x0) * scale +
          "px;height:" + (box.y1 - box.y0) * scale + "px";
        surface.appendChild(el);
      }
      var item = document.createElement("li");
      var label = reason.querySelector('option[value="' + box.reason + '"]');
      item.textContent = "第" + box.page + "页：" + (label ? label.textContent : box.reason) +
        (box.note ? "（" + box.note + "）" : "") + " ";
      var remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "删除第" + (index + 1) + "个框";
      remove.addEventListener("click", function () { boxes.splice(index, 1); render(); });
      item.appendChild(remove);
      list.appendChild(item);
    });
  }

  document.querySelectorAll(".redact-page").forEach(function (figure) {
    var surface = figure.querySelector(".redact-surface");
    var start = null;
    var ghost = null;
    function point(event) {
      var rect = surface.getBoundingClientRect();
      return [Math.min(Math.max(event.clientX - rect.left, 0), rect.width),
              Math.min(Math.max(event.clientY - rect.top, 0), rect.height)];
    }
    surface.addEventListener("mousedown", function (event) {
      start = point(event);
      ghost = document.createElement("div");
      ghost.style.cssText = "position:absolute;border:2px dashed #c00;pointer-events:none";
      surface.appendChild(ghost);
      event.preventDefault();
    });
    surface.addEventListener("mousemove", function (event) {
      if (!start) { return; }
      var p = point(event);
      ghost.style.left = Math.min(start[0], p[0]) + "px";
      ghost.style.top = Math.min(start[1], p[1]) + "px";
      ghost.style.width = Math.abs(p[0] - start[0]) + "px";
      ghost.style.height = Math.abs(p[1] - start[1]) + "px";
    });
    window.addEventListener("mouseup", function (event) {
      if (!start) { return; }
      var p = point(event);
      var scale = parseFloat(figure.dataset.width) / surface.clientWidth;
      var box = {
        page: parseInt(figure.dataset.page, 10), reason: reason.value, note: note.value,
        x0: Math.min(start[0], p[0]) * scale, y0: Math.min(start[1], p[1]) * scale,
        x1: Math.max(start[0], p[0]) * scale, y1: Math.max(start[1], p[1]) * scale
      };
      start = null;
      ghost.remove();
      if (box.x1 - box.x0 > 2 && box.y1 - box.y0 > 2) { boxes.push(box); }
      render();
    });
  });
  var add = document.getElementById("kb-add");
  if (add) {
    add.addEventListener("click", function () {
      function value(id) { return parseFloat(document.getElementById(id).value); }
      var box = {page: parseInt(document.getElementById("kb-page").value, 10), reason: reason.value, note: note.value,
                 x0: value("kb-x0"), y0: value("kb-y0"), x1: value("kb-x1"), y1: value("kb-y1")};
      // The server checks the box against the page and says what is wrong, in Chinese.
      if ([box.page, box.x0, box.y0, box.x1, box.y1].some(isNaN)) { return; }
      boxes.push(box);
      render();
    });
  }
  window.addEventListener("load", render);
  window.addEventListener("resize", render);
})();
