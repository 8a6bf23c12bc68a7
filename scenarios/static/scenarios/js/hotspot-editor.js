/* The drawing tool of the "spot the signals" block in the Wagtail page editor.

   Once an image is chosen, the trainer sees it and draws regions on it: drag a rectangle, or click
   the corners of a polygon and double-click (or press "Close polygon"). A drawn shape is written
   into the selected region's shape field as JSON (per mille of the image's width and height); with
   no region selected a new region is added. The shape fields stay editable by keyboard: typed
   coordinates show on the image as well. Registered as a Telepath block definition for
   scenarios.hotspot_blocks.HotspotBlock. */
(function () {
    "use strict";
    var SVG = "http://www.w3.org/2000/svg";

    function make(name, attributes) {
        var element = document.createElementNS(SVG, name);
        Object.keys(attributes || {}).forEach(function (key) {
            element.setAttribute(key, attributes[key]);
        });
        return element;
    }

    function html(tag, attributes, textContent) {
        var element = document.createElement(tag);
        Object.keys(attributes || {}).forEach(function (key) {
            element.setAttribute(key, attributes[key]);
        });
        if (textContent !== undefined) element.textContent = textContent;
        return element;
    }

    function parseShape(text) {
        text = (text || "").trim();
        if (!text) return null;
        try {
            if (text.charAt(0) === "{") {
                var data = JSON.parse(text);
                if (!data || !Array.isArray(data.points)) return null;
                return { type: data.type, points: data.points };
            }
            var points = text.split(/[\s;]+/).map(function (pair) {
                var parts = pair.split(",");
                return [parseFloat(parts[0]), parseFloat(parts[1])];
            });
            if (points.some(function (p) { return isNaN(p[0]) || isNaN(p[1]); })) return null;
            return { type: points.length === 2 ? "rect" : "polygon", points: points };
        } catch (error) {
            return null;
        }
    }

    function corners(shape) {
        if (shape.type === "rect" && shape.points.length === 2) {
            var a = shape.points[0];
            var b = shape.points[1];
            return [[a[0], a[1]], [b[0], a[1]], [b[0], b[1]], [a[0], b[1]]];
        }
        return shape.points;
    }

    function regionsCount(prefix) {
        // The ListBlock's hidden count field: present once the block's form is in the page.
        return document.querySelector('input[name="' + prefix + '-regions-count"]');
    }

    function clamp(value) {
        return Math.round(Math.min(Math.max(value, 0), 1000));
    }

    function HotspotEditor(block, prefix, meta) {
        this.block = block;
        this.prefix = prefix;
        this.text = meta.hotspotText || {};
        this.imageUrl = meta.hotspotImageUrl;
        this.imageId = null;
        this.height = 750;
        this.selected = null; // the ListChild whose shape is drawn
        this.mode = "rect";
        this.draft = null; // the shape being drawn
        this.build();
    }

    HotspotEditor.prototype.t = function (key, fallback) {
        return this.text[key] || fallback;
    };

    HotspotEditor.prototype.build = function () {
        var self = this;
        var regionsField = regionsCount(this.prefix);
        var anchor = regionsField && regionsField.closest('[data-contentpath="regions"]');
        this.root = html("div", { class: "hotspot-editor", "data-hotspot-editor": "" });
        this.root.appendChild(html("p", { class: "hotspot-editor__title" }, this.t("title", "Draw the regions")));
        this.help = html("p", { class: "help hotspot-editor__help" }, this.t("help", ""));
        this.root.appendChild(this.help);
        var toolbar = html("div", { class: "hotspot-editor__toolbar", role: "toolbar" });
        this.rectButton = html("button", { type: "button", class: "button button-small", "aria-pressed": "true", "data-hotspot-tool": "rect" }, this.t("rect", "Rectangle"));
        this.polyButton = html("button", { type: "button", class: "button button-small button-secondary", "aria-pressed": "false", "data-hotspot-tool": "polygon" }, this.t("polygon", "Polygon"));
        this.closeButton = html("button", { type: "button", class: "button button-small button-secondary", "data-hotspot-close": "" }, this.t("close", "Close polygon"));
        this.newButton = html("button", { type: "button", class: "button button-small button-secondary", "data-hotspot-new": "" }, this.t("new", "Draw a new region"));
        [this.rectButton, this.polyButton, this.closeButton, this.newButton].forEach(function (b) {
            toolbar.appendChild(b);
        });
        this.root.appendChild(toolbar);
        this.status = html("p", { class: "hotspot-editor__status", "aria-live": "polite" });
        this.root.appendChild(this.status);
        this.stage = html("div", { class: "hotspot-editor__stage", hidden: "" });
        this.img = html("img", { class: "hotspot-editor__image", alt: "" });
        this.svg = make("svg", { class: "hotspot-editor__overlay", viewBox: "0 0 1000 750", "data-hotspot-canvas": "" });
        this.stage.appendChild(this.img);
        this.stage.appendChild(this.svg);
        this.root.appendChild(this.stage);
        this.noImage = html("p", { class: "help" }, this.t("noImage", "Choose an image first."));
        this.root.appendChild(this.noImage);
        this.list = html("ol", { class: "hotspot-editor__list", "data-hotspot-list": "" });
        this.root.appendChild(this.list);
        anchor.parentNode.insertBefore(this.root, anchor);

        this.rectButton.addEventListener("click", function () { self.setMode("rect"); });
        this.polyButton.addEventListener("click", function () { self.setMode("polygon"); });
        this.closeButton.addEventListener("click", function () { self.closePolygon(); });
        this.newButton.addEventListener("click", function () {
            self.selected = null;
            self.refresh();
            self.say(self.t("drawNew", "Draw the new region on the image."));
        });
        this.svg.addEventListener("pointerdown", function (e) { self.pointerDown(e); });
        this.svg.addEventListener("pointermove", function (e) { self.pointerMove(e); });
        this.svg.addEventListener("pointerup", function (e) { self.pointerUp(e); });
        this.svg.addEventListener("dblclick", function (e) {
            e.preventDefault();
            if (self.draft && self.draft.type === "polygon") self.closePolygon();
        });
        var container = this.root.parentNode;
        container.addEventListener("input", function () { self.schedule(); });
        container.addEventListener("change", function () { self.schedule(); });
        new MutationObserver(function () { self.schedule(); }).observe(anchor, { childList: true, subtree: true });
        window.setInterval(function () { self.checkImage(); }, 700);
        this.checkImage();
        this.refresh();
    };

    HotspotEditor.prototype.say = function (message) {
        this.status.textContent = message;
    };

    HotspotEditor.prototype.setMode = function (mode) {
        this.mode = mode;
        this.draft = null;
        this.rectButton.setAttribute("aria-pressed", String(mode === "rect"));
        this.polyButton.setAttribute("aria-pressed", String(mode === "polygon"));
        this.rectButton.classList.toggle("button-secondary", mode !== "rect");
        this.polyButton.classList.toggle("button-secondary", mode !== "polygon");
        this.drawShapes();
    };

    HotspotEditor.prototype.checkImage = function () {
        var self = this;
        var input = document.getElementById(this.prefix + "-image-image");
        var id = input ? input.value : "";
        if (id === this.imageId) return;
        this.imageId = id;
        if (!id) {
            this.stage.hidden = true;
            this.noImage.hidden = false;
            return;
        }
        fetch(this.imageUrl.replace(/\/0\/$/, "/" + encodeURIComponent(id) + "/"), {
            credentials: "same-origin",
            headers: { Accept: "application/json" },
        })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (data) {
                if (!data || self.imageId !== id) return;
                self.height = Math.round((1000 * data.height) / data.width);
                self.svg.setAttribute("viewBox", "0 0 1000 " + self.height);
                self.img.src = data.url;
                self.img.width = data.width;
                self.img.height = data.height;
                self.stage.hidden = false;
                self.noImage.hidden = true;
                self.drawShapes();
            });
    };

    HotspotEditor.prototype.regions = function () {
        var list = this.block.childBlocks.regions;
        return (list && list.children) || [];
    };

    HotspotEditor.prototype.fieldOf = function (child, name) {
        var inner = child.block && child.block.childBlocks && child.block.childBlocks[name];
        return inner && inner.widget;
    };

    HotspotEditor.prototype.valueOf = function (child, name) {
        var widget = this.fieldOf(child, name);
        try {
            return widget ? widget.getValue() : "";
        } catch (error) {
            return "";
        }
    };

    HotspotEditor.prototype.schedule = function () {
        var self = this;
        if (this.pending) return;
        this.pending = true;
        window.requestAnimationFrame(function () {
            self.pending = false;
            self.refresh();
        });
    };

    // The list under the image: one item per region, kept (not rebuilt) across refreshes. A
    // refresh runs on every input and change in the block; rebuilding the list then replaced the
    // button under the mouse between press and release (typing a label, then pressing "Select to
    // draw" blurs the field: change, refresh), so the click was lost and the next drawing made a
    // new region instead of drawing the selected one.
    HotspotEditor.prototype.itemFor = function (child) {
        var self = this;
        var entry = this.items.get(child);
        if (entry) return entry;
        entry = {
            li: html("li", { class: "hotspot-editor__item" }),
            name: html("span", { class: "hotspot-editor__name" }),
            select: html("button", { type: "button", class: "button button-small button-secondary" }, this.t("select", "Select to draw")),
            remove: html("button", { type: "button", class: "button button-small button-secondary no" }, this.t("delete", "Delete")),
        };
        entry.select.addEventListener("click", function () { self.select(child); });
        entry.remove.addEventListener("click", function () {
            var list = self.block.childBlocks.regions;
            var at = list.children.indexOf(child);
            if (at !== -1) list.deleteBlock(at, { animate: false });
            if (self.selected === child) self.selected = null;
            self.schedule();
        });
        entry.li.appendChild(entry.name);
        entry.li.appendChild(entry.select);
        entry.li.appendChild(entry.remove);
        this.items.set(child, entry);
        return entry;
    };

    HotspotEditor.prototype.labelOf = function (child) {
        return this.valueOf(child, "label") || this.t("unnamed", "(no label yet)");
    };

    // Selecting always selects (pressing it again on the selected region used to deselect it, and
    // the next drawing then added a new region); "Draw a new region" is the way to add one.
    HotspotEditor.prototype.select = function (child) {
        this.selected = child;
        this.refresh();
        var index = this.regions().indexOf(child);
        this.say(this.t("selected", "Selected: draw this region on the image.") + " " + (index + 1) + ". " + this.labelOf(child));
    };

    HotspotEditor.prototype.refresh = function () {
        var self = this;
        var regions = this.regions();
        if (!this.items) this.items = new Map();
        if (this.selected && regions.indexOf(this.selected) === -1) this.selected = null;
        var shown = new Set();
        regions.forEach(function (child, index) {
            var entry = self.itemFor(child);
            shown.add(child);
            var kind = self.valueOf(child, "kind") === "ordinary" ? self.t("ordinary", "ordinary") : self.t("signal", "signal");
            var shape = parseShape(self.valueOf(child, "shape"));
            var text = (index + 1) + ". " + self.labelOf(child) + " (" + kind + ")" + (shape ? "" : " – " + self.t("noShape", "not drawn yet"));
            if (entry.name.textContent !== text) entry.name.textContent = text;
            var isSelected = child === self.selected;
            entry.li.classList.toggle("is-selected", isSelected);
            entry.select.setAttribute("aria-pressed", String(isSelected));
            entry.select.setAttribute("data-hotspot-select", String(index + 1));
            entry.remove.setAttribute("data-hotspot-delete", String(index + 1));
            if (self.list.children[index] !== entry.li) {
                self.list.insertBefore(entry.li, self.list.children[index] || null);
            }
        });
        this.items.forEach(function (entry, child) {
            if (!shown.has(child)) {
                entry.li.remove();
                self.items.delete(child);
            }
        });
        this.drawShapes();
    };

    HotspotEditor.prototype.drawShapes = function () {
        var self = this;
        var scale = this.height / 1000;
        this.svg.textContent = "";
        this.regions().forEach(function (child, index) {
            var shape = parseShape(self.valueOf(child, "shape"));
            if (!shape) return;
            var pts = corners(shape);
            var kind = self.valueOf(child, "kind") === "ordinary" ? "ordinary" : "signal";
            var group = make("g", { class: "hotspot-editor__shape hotspot-editor__shape--" + kind + (child === self.selected ? " is-selected" : "") });
            group.appendChild(make("polygon", {
                points: pts.map(function (p) { return p[0] + "," + p[1] * scale; }).join(" "),
            }));
            var label = make("text", { x: pts[0][0] + 12, y: pts[0][1] * scale + 28 });
            label.textContent = String(index + 1);
            group.appendChild(label);
            self.svg.appendChild(group);
        });
        if (this.draft && this.draft.points.length) {
            var draftPts = this.draft.type === "rect" ? corners(this.draft) : this.draft.points;
            var element = make(this.draft.type === "rect" ? "polygon" : "polyline", {
                class: "hotspot-editor__draft",
                points: draftPts.map(function (p) { return p[0] + "," + p[1] * scale; }).join(" "),
            });
            this.svg.appendChild(element);
            if (this.draft.type === "polygon") {
                this.draft.points.forEach(function (p) {
                    self.svg.appendChild(make("circle", { class: "hotspot-editor__corner", cx: p[0], cy: p[1] * scale, r: 6 }));
                });
            }
        }
    };

    HotspotEditor.prototype.pointAt = function (event) {
        var box = this.svg.getBoundingClientRect();
        return [
            clamp(((event.clientX - box.left) / box.width) * 1000),
            clamp(((event.clientY - box.top) / box.height) * 1000),
        ];
    };

    HotspotEditor.prototype.pointerDown = function (event) {
        if (event.button !== 0) return;
        event.preventDefault();
        var point = this.pointAt(event);
        if (this.mode === "rect") {
            this.draft = { type: "rect", points: [point, point], dragging: true };
            if (this.svg.setPointerCapture) {
                try { this.svg.setPointerCapture(event.pointerId); } catch (error) { /* ignore */ }
            }
        } else {
            if (!this.draft || this.draft.type !== "polygon") this.draft = { type: "polygon", points: [] };
            var last = this.draft.points[this.draft.points.length - 1];
            var now = Date.now();
            var near = last && Math.abs(last[0] - point[0]) + Math.abs(last[1] - point[1]) <= 8;
            // A second press on the last corner, quickly: a double-click closes the polygon. (The
            // browser's own dblclick is unreliable here: the shapes are redrawn between clicks.)
            if (near && now - (this.lastDown || 0) < 500 && this.draft.points.length >= 3) {
                this.lastDown = 0;
                this.closePolygon();
                return;
            }
            this.lastDown = now;
            if (!near) this.draft.points.push(point);
            this.say(this.t("polygonHint", "Click the next corner; double-click or press ‘Close polygon’ to finish."));
        }
        this.drawShapes();
    };

    HotspotEditor.prototype.pointerMove = function (event) {
        if (!this.draft || !this.draft.dragging) return;
        this.draft.points[1] = this.pointAt(event);
        this.drawShapes();
    };

    HotspotEditor.prototype.pointerUp = function (event) {
        if (!this.draft || !this.draft.dragging) return;
        this.draft.points[1] = this.pointAt(event);
        var a = this.draft.points[0];
        var b = this.draft.points[1];
        this.draft = null;
        if (Math.abs(a[0] - b[0]) < 3 || Math.abs(a[1] - b[1]) < 3) {
            this.drawShapes();
            return;
        }
        this.commit({
            type: "rect",
            points: [[Math.min(a[0], b[0]), Math.min(a[1], b[1])], [Math.max(a[0], b[0]), Math.max(a[1], b[1])]],
        });
    };

    HotspotEditor.prototype.closePolygon = function () {
        if (!this.draft || this.draft.type !== "polygon" || this.draft.points.length < 3) {
            this.say(this.t("needThree", "A polygon needs at least three corners."));
            return;
        }
        var points = this.draft.points;
        this.draft = null;
        this.commit({ type: "polygon", points: points });
    };

    HotspotEditor.prototype.commit = function (shape) {
        var list = this.block.childBlocks.regions;
        var child = this.selected;
        if (!child) {
            list.insert(list.blockDef.initialChildState, list.children.length, { animate: false });
            child = list.children[list.children.length - 1];
        }
        var widget = this.fieldOf(child, "shape");
        var value = JSON.stringify(shape);
        widget.setState(value);
        var input = widget.input || document.getElementById(widget.idForLabel);
        if (input) {
            input.value = value;
            input.dispatchEvent(new Event("input", { bubbles: true }));
            input.dispatchEvent(new Event("change", { bubbles: true }));
        }
        this.selected = child;
        this.say(this.t("drawn", "The shape is stored in the region’s shape field."));
        this.refresh();
    };

    var StructBlockDefinition = window.wagtailStreamField.blocks.StructBlockDefinition;

    class HotspotBlockDefinition extends StructBlockDefinition {
        render(placeholder, prefix, initialState, initialError) {
            var block = super.render(placeholder, prefix, initialState, initialError);
            var meta = this.meta;
            // A block added in the editor may be attached to the page just after rendering.
            var start = function (tries) {
                if (!regionsCount(prefix)) {
                    if (tries < 40) window.setTimeout(function () { start(tries + 1); }, 50);
                    return;
                }
                try {
                    new HotspotEditor(block, prefix, meta);
                } catch (error) {
                    // The block stays usable with typed coordinates if the tool cannot start.
                    window.console.error(error);
                }
            };
            start(0);
            return block;
        }
    }

    window.telepath.register("scenarios.blocks.HotspotBlock", HotspotBlockDefinition);
})();
