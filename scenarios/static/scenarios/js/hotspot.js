/* "Spot the signals" for learners: click or tap the picture to place numbered marks, click a
   mark to remove it; or focus the picture and use the arrow keys and Enter/Space. The marks are
   posted as option=p:<x>,<y> in per mille of the picture's width and height; the server stores
   where each mark was and shows it with the feedback. Without this script the list of
   descriptions below the picture still works. Nothing here knows the answer. */
(function () {
    "use strict";
    var SVG = "http://www.w3.org/2000/svg";
    var HIT_RADIUS = 30; // per mille of the width: clicking this close to a mark removes it
    var STEP = 20;

    function text(template, values) {
        return template.replace(/\{(\w+)\}/g, function (all, key) {
            return key in values ? values[key] : all;
        });
    }

    function make(name, attributes) {
        var element = document.createElementNS(SVG, name);
        Object.keys(attributes).forEach(function (key) {
            element.setAttribute(key, attributes[key]);
        });
        return element;
    }

    function setUp(form) {
        var figure = form.querySelector("[data-hotspot-figure]");
        var overlay = form.querySelector("[data-hotspot-overlay]");
        var tools = form.querySelector("[data-hotspot-tools]");
        var count = form.querySelector("[data-hotspot-count]");
        var status = form.querySelector("[data-hotspot-status]");
        var clear = form.querySelector("[data-hotspot-clear]");
        if (!figure || !overlay) return;
        var maxMarks = parseInt(form.dataset.maxMarks, 10) || 1;
        var height = overlay.viewBox.baseVal.height || 750;
        var scale = height / 1000; // per mille of the height to view-box units
        var marks = [];
        var cursor = { x: 500, y: 500, shown: false };
        var cursorGroup = null;

        figure.classList.add("hotspot--active");
        overlay.removeAttribute("aria-hidden");
        overlay.setAttribute("tabindex", "0");
        overlay.setAttribute("role", "application");
        overlay.setAttribute("aria-label", form.dataset.textSurface);
        var task = form.querySelector(".hotspot-task");
        if (task) overlay.setAttribute("aria-describedby", task.id);
        tools.hidden = false;

        function announce(message) {
            status.textContent = "";
            window.setTimeout(function () {
                status.textContent = message;
            }, 50);
        }

        function draw() {
            Array.prototype.slice.call(overlay.querySelectorAll(".hotspot-mark")).forEach(
                function (node) {
                    node.remove();
                }
            );
            marks.forEach(function (mark, index) {
                var group = make("g", { class: "hotspot-mark", "data-mark": index + 1 });
                var cy = mark.y * scale;
                group.appendChild(make("circle", { cx: mark.x, cy: cy, r: 20 }));
                group.appendChild(
                    make("circle", { class: "hotspot-mark__ring", cx: mark.x, cy: cy, r: 24 })
                );
                var label = make("text", { x: mark.x, y: cy, dy: "0.35em" });
                label.textContent = String(index + 1);
                group.appendChild(label);
                overlay.insertBefore(group, cursorGroup);
            });
            count.textContent = text(form.dataset.textCount, { n: marks.length, max: maxMarks });
        }

        function drawCursor() {
            if (!cursorGroup) {
                cursorGroup = make("g", { class: "hotspot-cursor" });
                overlay.appendChild(cursorGroup);
            }
            cursorGroup.textContent = "";
            if (!cursor.shown) return;
            var x = cursor.x;
            var y = cursor.y * scale;
            [["", 5], ["hotspot-cursor__light", 2.5]].forEach(function (style) {
                cursorGroup.appendChild(
                    make("line", { class: style[0], x1: x - 30, y1: y, x2: x + 30, y2: y })
                );
                cursorGroup.appendChild(
                    make("line", { class: style[0], x1: x, y1: y - 30, x2: x, y2: y + 30 })
                );
            });
        }

        function toggle(x, y) {
            x = Math.round(Math.min(Math.max(x, 0), 1000));
            y = Math.round(Math.min(Math.max(y, 0), 1000));
            for (var i = 0; i < marks.length; i++) {
                var dx = marks[i].x - x;
                var dy = (marks[i].y - y) * scale;
                if (Math.sqrt(dx * dx + dy * dy) <= HIT_RADIUS) {
                    marks.splice(i, 1);
                    draw();
                    announce(form.dataset.textRemoved);
                    return;
                }
            }
            if (marks.length >= maxMarks) {
                announce(form.dataset.textFull);
                return;
            }
            marks.push({ x: x, y: y });
            draw();
            announce(text(form.dataset.textPlaced, { n: marks.length }));
        }

        overlay.addEventListener("click", function (event) {
            var box = overlay.getBoundingClientRect();
            if (!box.width || !box.height) return;
            cursor.shown = false;
            drawCursor();
            toggle(
                ((event.clientX - box.left) / box.width) * 1000,
                ((event.clientY - box.top) / box.height) * 1000
            );
        });

        overlay.addEventListener("keydown", function (event) {
            var step = event.shiftKey ? 5 : STEP;
            var moves = {
                ArrowLeft: [-step, 0],
                ArrowRight: [step, 0],
                ArrowUp: [0, -step / scale],
                ArrowDown: [0, step / scale],
            };
            if (moves[event.key]) {
                event.preventDefault();
                cursor.shown = true;
                cursor.x = Math.min(Math.max(cursor.x + moves[event.key][0], 0), 1000);
                cursor.y = Math.min(Math.max(cursor.y + moves[event.key][1], 0), 1000);
                drawCursor();
            } else if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                cursor.shown = true;
                drawCursor();
                toggle(cursor.x, cursor.y);
            }
        });
        overlay.addEventListener("focus", function () {
            cursor.shown = true;
            drawCursor();
        });
        overlay.addEventListener("blur", function () {
            cursor.shown = false;
            drawCursor();
        });

        clear.addEventListener("click", function () {
            marks = [];
            draw();
            announce(form.dataset.textRemoved);
        });

        form.addEventListener("submit", function () {
            Array.prototype.slice.call(form.querySelectorAll("input[data-hotspot-mark]")).forEach(
                function (node) {
                    node.remove();
                }
            );
            marks.forEach(function (mark) {
                var input = document.createElement("input");
                input.type = "hidden";
                input.name = "option";
                input.value = "p:" + mark.x + "," + mark.y;
                input.setAttribute("data-hotspot-mark", "");
                form.appendChild(input);
            });
        });

        drawCursor();
        draw();
    }

    function start() {
        Array.prototype.slice.call(document.querySelectorAll("form[data-hotspot]")).forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
