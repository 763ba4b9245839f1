#!/usr/bin/env python3
"""Writes the small sample market kept in the repo (samples/binance/): three months of a *synthetic*
BTC-like (SAMPLEUSDT) pair in Binance's bulk-archive layout and formats (monthly kline zips with .CHECKSUM,
fundingRate zips), so that `./thermocarry ingest samples/binance` exercises the real archive readers
on a fresh machine. Deterministic (fixed seed). Not real market data."""
import hashlib, io, math, os, random, zipfile, datetime as dt

random.seed(20240101)
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "binance", "data")
sym = "SAMPLEUSDT"
start = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
hours = 24 * (31 + 29 + 31)
kappa, noise = 0.12, 0.004          # basis OU in percent per hour
spot, b = 42000.0, -0.03
rows_spot, rows_perp, funding = [], [], []
for h in range(hours):
    t = start + dt.timedelta(hours=h)
    ms = int(t.timestamp() * 1000)
    o_s = spot
    spot *= math.exp(random.gauss(0, 0.006))
    b = b * math.exp(-kappa) + random.gauss(0, noise) + (-0.035) * (1 - math.exp(-kappa))
    o_p = o_s * (1 + (b + random.gauss(0, 0.002)) / 100)
    c_p = spot * (1 + b / 100)
    for rows, o, c in ((rows_spot, o_s, spot), (rows_perp, o_p, c_p)):
        hi = max(o, c) * (1 + abs(random.gauss(0, 0.002)))
        lo = min(o, c) * (1 - abs(random.gauss(0, 0.002)))
        vol = abs(random.gauss(800, 200)) + 1
        rows.append(f"{ms},{o:.2f},{hi:.2f},{lo:.2f},{c:.2f},{vol:.3f},{ms + 3599999},{vol * c:.2f},{int(vol * 30)},{vol / 2:.3f},{vol * c / 2:.2f},0")
    if t.hour % 8 == 0:
        rate = max(min(0.0001 + random.gauss(0, 0.00006) + (0.00004 if b > 0 else 0), 0.003), -0.003)
        funding.append((ms, rate))

def write_zip(folder, name, header, lines):
    os.makedirs(folder, exist_ok=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo(name + ".csv", date_time=(2024, 4, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, ("" if header is None else header + "\n") + "\n".join(lines) + "\n")
    data = buf.getvalue()
    with open(os.path.join(folder, name + ".zip"), "wb") as f:
        f.write(data)
    with open(os.path.join(folder, name + ".zip.CHECKSUM"), "w") as f:
        f.write(hashlib.sha256(data).hexdigest() + "  " + name + ".zip\n")

kh = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore"
for month in (1, 2, 3):
    sel = lambda rows: [r for r in rows if dt.datetime.fromtimestamp(int(r.split(",")[0]) / 1000, dt.timezone.utc).month == month]
    tag = f"2024-{month:02d}"
    # older spot archives have no header row; futures archives do
    write_zip(os.path.join(root, "spot/monthly/klines", sym, "1h"), f"{sym}-1h-{tag}", None, sel(rows_spot))
    write_zip(os.path.join(root, "futures/um/monthly/klines", sym, "1h"), f"{sym}-1h-{tag}", kh, sel(rows_perp))
    fl = [f"{ms},8,{rate:.8f}" for ms, rate in funding
          if dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc).month == month]
    write_zip(os.path.join(root, "futures/um/monthly/fundingRate", sym), f"{sym}-fundingRate-{tag}",
              "calc_time,funding_interval_hours,last_funding_rate", fl)
print("wrote", root)
