// The dashboard: cards and the orders table are updated in place (no reload, no flashing) whenever
// the server's event stream says the journal changed.
(function () {
  "use strict";
  const cards = new Map();          // strategy name -> {el, equity: uPlot, candles: uPlot}
  let lastEvent = null;
  let refreshing = null, again = false;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function set(node, text, signed) {
    const t = text === null || text === undefined ? "n/a" : String(text);
    if (node.textContent !== t) node.textContent = t;
    if (signed) node.className = t.startsWith("-") ? "neg" : (t === "n/a" || Number(t) === 0 ? "" : "pos");
  }
  async function get(url) {
    const r = await fetch(url, {cache: "no-store"});
    if (!r.ok) throw new Error(url + ": " + r.status);
    return r.json();
  }

  const FIGURES = [
    ["position", "position"], ["lastPrice", "last price"], ["unrealizedPnl", "unrealized PnL", true],
    ["realizedPnlToday", "PnL today", true], ["realizedPnl", "PnL total", true],
  ];
  const KPIS = [["trades", "trades"], ["winRate", "win rate %"], ["profitFactor", "profit factor"],
    ["maxDrawdown", "max drawdown"], ["sharpe", "Sharpe"], ["expectancy", "expectancy"], ["fees", "fees"]];

  function makeCard(s) {
    const root = el("div", "card");
    root.dataset.strategy = s.name;
    const h = el("h2");
    h.append(el("span", "name", s.name), el("span", "badge state", s.state));
    root.append(h, el("div", "sub", s.kind + " · " + s.symbol + " " + s.interval + " · " + s.mode));
    const figs = el("div", "figures");
    const nodes = {};
    for (const [key, label, signed] of FIGURES.concat(KPIS.map(k => ["kpi." + k[0], k[1]]))) {
      const d = el("div"); d.append(el("span", null, label));
      const v = el("b"); v.dataset.key = key; d.append(v); figs.append(d);
      nodes[key] = {node: v, signed: !!signed};
    }
    root.append(figs);
    const eq = el("div", "chart equity"), cd = el("div", "chart candles");
    root.append(el("div", "sub", "equity (net PnL of closed round trips)"), eq,
      el("div", "sub", s.symbol + " candles, entries ▲ and exits ▼"), cd);
    document.getElementById("cards").append(root);
    const width = Math.max(300, root.clientWidth - 24);
    // prices of a few ten-thousandths need more digits than uPlot's default ticks show
    const axes = [{}, {size: 70, values: (u, splits) => splits.map(v => String(+v.toPrecision(6)))}];
    const equity = new uPlot({width, height: 140, legend: {show: false}, scales: {x: {time: true}}, axes,
      series: [{}, {label: "equity", stroke: "#2a6fdb", width: 1.5, fill: "rgba(42,111,219,0.08)"}]},
      [[], []], eq);
    const candles = new uPlot({width, height: 200, legend: {show: false}, scales: {x: {time: true}}, axes,
      series: [{}, {label: "close", stroke: "rgba(0,0,0,0)", points: {show: false}},
        {label: "entries", stroke: "#1f9d55", paths: () => null, points: {show: true, size: 9, fill: "#1f9d55"}},
        {label: "exits", stroke: "#d64545", paths: () => null, points: {show: true, size: 9, fill: "#d64545"}}],
      hooks: {draw: [drawCandles]}}, [[], [], [], []], cd);
    candles.ohlc = [];
    const card = {root, nodes, equity, candles};
    cards.set(s.name, card);
    return card;
  }

  // draws each candle's wick and body under the markers
  function drawCandles(u) {
    const ctx = u.ctx, data = u.ohlc || [];
    if (!data.length) return;
    const xs = u.data[0];
    const w = Math.max(1, Math.floor((u.bbox.width / Math.max(data.length, 1)) * 0.6));
    ctx.save();
    for (let i = 0; i < data.length; i++) {
      const [o, h, l, c] = data[i];
      const x = Math.round(u.valToPos(xs[i], "x", true));
      ctx.strokeStyle = ctx.fillStyle = c >= o ? "#1f9d55" : "#d64545";
      ctx.beginPath(); ctx.moveTo(x, u.valToPos(h, "y", true)); ctx.lineTo(x, u.valToPos(l, "y", true)); ctx.stroke();
      const top = u.valToPos(Math.max(o, c), "y", true), bottom = u.valToPos(Math.min(o, c), "y", true);
      ctx.fillRect(x - w / 2, top, w, Math.max(1, bottom - top));
    }
    ctx.restore();
  }

  function updateCard(s) {
    const card = cards.get(s.name) || makeCard(s);
    const badge = card.root.querySelector(".state");
    set(badge, s.state); badge.className = "badge state " + s.state;
    for (const [key, entry] of Object.entries(card.nodes)) {
      const value = key.startsWith("kpi.") ? (s.kpis ? s.kpis[key.slice(4)] : null) : s[key];
      set(entry.node, value, entry.signed);
    }
  }

  async function charts(name) {
    const card = cards.get(name);
    const q = "?strategy=" + encodeURIComponent(name);
    const [eq, cd] = await Promise.all([get("/api/equity" + q), get("/api/candles" + q)]);
    card.equity.setData([eq.points.map(p => p[0] / 1000), eq.points.map(p => Number(p[1]))]);
    const xs = cd.candles.map(c => c[0] / 1000);
    const at = new Map(cd.candles.map((c, i) => [c[0], i]));
    const entries = xs.map(() => null), exits = xs.map(() => null);
    for (const m of cd.markers) {
      const i = at.get(m.candleOpenTime);
      if (i !== undefined) (m.side === "BUY" ? entries : exits)[i] = Number(m.price);
    }
    card.candles.ohlc = cd.candles.map(c => [Number(c[1]), Number(c[2]), Number(c[3]), Number(c[4])]);
    card.candles.setData([xs, cd.candles.map(c => Number(c[4])), entries, exits]);
    card.root.dataset.candles = String(xs.length);
    card.root.dataset.markers = String(cd.markers.length);
  }

  function orderRows(orders) {
    const body = document.querySelector("#orders tbody");
    const key = orders.map(o => o.id + o.status + o.qty).join(",");
    if (body.dataset.key === key) return;
    const rows = orders.map(o => {
      const tr = el("tr");
      tr.dataset.clientOrderId = o.clientOrderId;
      for (const v of [o.time, o.strategy, o.mode, o.symbol, o.side, o.status, o.qty, o.price,
        o.fee === null ? "" : o.fee + " " + (o.feeAsset || ""), o.clientOrderId]) tr.append(el("td", null, v ?? ""));
      return tr;
    });
    body.replaceChildren(...rows);
    body.dataset.key = key;
  }

  async function refresh() {
    const [st, od] = await Promise.all([get("/api/strategies"), get("/api/orders?limit=50")]);
    st.strategies.forEach(updateCard);
    orderRows(od.orders);
    document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString();
    await Promise.all(st.strategies.map(s => charts(s.name)));
    document.body.dataset.refreshed = String(Number(document.body.dataset.refreshed || 0) + 1);
  }

  // one refresh at a time; a change during one asks for another after it
  function schedule() {
    if (refreshing) { again = true; return; }
    refreshing = refresh().catch(e => console.warn(e)).finally(() => {
      refreshing = null;
      if (again) { again = false; schedule(); }
    });
  }

  function listen() {
    const live = document.getElementById("live");
    const source = new EventSource("/events");
    source.addEventListener("open", () => { live.textContent = "live"; live.className = "badge on"; });
    source.addEventListener("error", () => { live.textContent = "reconnecting"; live.className = "badge off"; });
    source.addEventListener("journal", e => {
      if (e.data !== lastEvent) { lastEvent = e.data; schedule(); }
    });
  }

  schedule();
  listen();
  setInterval(schedule, 30000); // states change without a journal row (a halt, a silent stream)
})();
