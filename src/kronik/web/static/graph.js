// kronik web: relaxes the server's circle layout of the actor graph into a force layout, and lets nodes be
// dragged. Reads nodes and edges from the SVG itself (no data is evaluated); without JS the circle stays.
"use strict";
(function () {
  const REPULSION = 40000, SPRING = 0.015, LENGTH = 200, GRAVITY = 0.004, DAMPING = 0.82, STEPS = 400, BEND = 18;

  function edgePath(s, t) {
    const dx = t.x - s.x, dy = t.y - s.y, dist = Math.hypot(dx, dy);
    if (dist < 1e-6) return `M${s.x},${s.y - s.r} C${s.x - 40},${s.y - 60} ${s.x + 40},${s.y - 60} ${s.x},${s.y - s.r}`;
    const ux = dx / dist, uy = dy / dist;
    const mx = (s.x + t.x) / 2 - uy * BEND, my = (s.y + t.y) / 2 + ux * BEND;
    const ex = t.x - mx, ey = t.y - my, ed = Math.hypot(ex, ey) || 1, pad = t.r + 3;
    return `M${(s.x + ux * s.r).toFixed(1)},${(s.y + uy * s.r).toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ` +
      `${(t.x - ex / ed * pad).toFixed(1)},${(t.y - ey / ed * pad).toFixed(1)}`;
  }

  function init() {
    const svg = document.getElementById("actor-graph");
    if (!svg) return;
    const W = +svg.dataset.width, H = +svg.dataset.height;
    const nodes = Array.from(svg.querySelectorAll("g.node")).map((g) => {
      const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute("transform"));
      return { g, x: +m[1], y: +m[2], vx: 0, vy: 0, r: +g.dataset.r, fixed: false };
    });
    const edges = Array.from(svg.querySelectorAll("path.edge")).map((p) => ({ p, s: nodes[+p.dataset.s], t: nodes[+p.dataset.t] }));
    const toggle = document.getElementById("force");
    if (toggle) toggle.closest("label").hidden = false;

    function draw() {
      for (const n of nodes) n.g.setAttribute("transform", `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
      for (const e of edges) e.p.setAttribute("d", edgePath(e.s, e.t));
    }
    function step() {
      for (const a of nodes) {
        let fx = (W / 2 - a.x) * GRAVITY, fy = (H / 2 - a.y) * GRAVITY;
        for (const b of nodes) {
          if (a === b) continue;
          const dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 25);
          fx += REPULSION * dx / d2 / Math.sqrt(d2); fy += REPULSION * dy / d2 / Math.sqrt(d2);
        }
        a.fx = fx; a.fy = fy;
      }
      for (const e of edges) {
        if (e.s === e.t) continue;
        const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.hypot(dx, dy) || 1, f = SPRING * (d - LENGTH);
        e.s.fx += f * dx / d; e.s.fy += f * dy / d; e.t.fx -= f * dx / d; e.t.fy -= f * dy / d;
      }
      for (const n of nodes) {
        if (n.fixed) continue;
        n.vx = (n.vx + n.fx) * DAMPING; n.vy = (n.vy + n.fy) * DAMPING;
        n.x = Math.min(W - 20, Math.max(20, n.x + n.vx)); n.y = Math.min(H - 20, Math.max(20, n.y + n.vy));
      }
    }
    let running = 0;
    function run(steps) {
      running = steps;
      const tick = () => {
        if (!toggle || toggle.checked) { for (let i = 0; i < 4 && running > 0; i++, running--) step(); draw(); }
        if (running > 0) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }
    let dragged = null;
    function point(ev) {
      const pt = svg.createSVGPoint(); pt.x = ev.clientX; pt.y = ev.clientY;
      return pt.matrixTransform(svg.getScreenCTM().inverse());
    }
    for (const n of nodes) {
      n.g.addEventListener("pointerdown", (ev) => { dragged = n; n.fixed = true; n.moved = false; svg.setPointerCapture(ev.pointerId); });
    }
    svg.addEventListener("pointermove", (ev) => {
      if (!dragged) return;
      const p = point(ev); dragged.x = p.x; dragged.y = p.y; dragged.moved = true; draw();
    });
    svg.addEventListener("pointerup", () => { if (dragged) { dragged.fixed = false; if (dragged.moved) run(120); } dragged = null; });
    svg.addEventListener("click", (ev) => { if (nodes.some((n) => n.moved)) { ev.preventDefault(); for (const n of nodes) n.moved = false; } }, true);
    if (toggle) toggle.addEventListener("change", () => { if (toggle.checked) run(STEPS); });
    run(STEPS);
  }
  document.addEventListener("DOMContentLoaded", init);
})();
