#!/usr/bin/env python3
"""Writes samples/ledger-2026-10.json: a realistic October 2026 of three managers and the head.

Deterministic (fixed seed), so the file only changes when this script does. Run from the repo root:
    python3 samples/make-sample-ledger.py
"""
import datetime as dt
import json
import random

rng = random.Random(20261031)
MSK = dt.timezone(dt.timedelta(hours=3))

# October 2026 has no holidays: every weekday is a working day (22 days).
days = [dt.date(2026, 10, d) for d in range(1, 32) if dt.date(2026, 10, d).weekday() < 5]

employees = [
    {"id": "6f1c2a8e-1d3b-4c55-9a0e-3b7f6a2d9c41", "name": "Анна Смирнова", "role": "manager", "joined": "2024-03-01"},
    {"id": "b2d94e17-7c60-4a1f-8e35-5c2a9f0d7e12", "name": "Мария Иванова", "role": "manager", "joined": "2025-06-16"},
    {"id": "0e8a7b35-4f29-4d8c-b1a6-92c3e5f7a8d0", "name": "Иван Кузнецов", "role": "manager", "joined": "2026-10-12"},
    {"id": "9c3f5d21-8b47-4e6a-a2d9-1f0b7c4e6a53", "name": "Олег Петров", "role": "head", "joined": "2023-09-04"},
]

clients = [
    ("c-romashka", "ООО «Ромашка»"), ("c-vektor", "АО «Вектор»"), ("c-stroymir", "ООО «СтройМир»"),
    ("c-lesnoe", "ИП Лесной А. В."), ("c-techno", "ООО «Техносервис»"), ("c-agro", "ЗАО «Агропром»"),
    ("c-bereg", "ООО «Берег»"), ("c-medline", "ООО «Медлайн»"), ("c-uralsnab", "ООО «Уралснаб»"),
    ("c-kvadrat", "ООО «Квадрат-М»"), ("c-severtrans", "АО «Севертранс»"), ("c-dom", "ТСЖ «Наш дом»"),
]

# (code, weight per manager-day, automatic source prefix or None, typical minutes)
manager_tasks = [
    ("5.5", 2.2, "email", 5), ("2.6", 1.6, None, 10), ("2.2", 0.9, None, 10), ("4.2", 0.8, None, 5),
    ("1.1", 0.6, None, 15), ("2.8", 0.5, None, 10), ("4.3", 0.5, None, 5), ("6.3", 0.4, None, 5),
    ("2.3", 0.45, "invoice", 15), ("5.3", 0.35, "payment", 10), ("2.7", 0.3, "reminder", 10),
    ("2.4", 0.2, "contract", 40), ("4.6", 0.25, None, 20), ("5.1", 0.2, None, 15), ("5.2", 0.2, None, 15),
    ("1.2", 0.15, None, 20), ("4.1", 0.15, None, 10), ("4.4", 0.15, None, 10), ("4.5", 0.1, None, 15),
    ("6.1", 0.1, None, 10), ("6.4", 0.12, None, 5), ("6.5", 0.15, None, 10), ("6.6", 0.1, None, 30),
    ("2.5", 0.12, None, 5), ("5.4", 0.08, "client", 10), ("5.6", 0.05, None, 30), ("5.7", 0.05, None, 10),
]
monthly_once = [("2.1", 1), ("1.3", 1), ("2.9", 1)]
head_tasks = [("2.9", 0.15, None, 120), ("2.6", 0.6, None, 15), ("6.6", 0.3, None, 30), ("2.4", 0.1, "contract", 40), ("5.5", 0.6, "email", 5)]

# How much of a normal day's work each manager gets through.
pace = {employees[0]["id"]: 1.35, employees[1]["id"]: 0.95, employees[2]["id"]: 0.9}

entries = []
counter = 0


def add(emp, day, code, prefix, minutes, manual_note=None):
    global counter
    counter += 1
    at = dt.datetime.combine(day, dt.time(9, 0), MSK) + dt.timedelta(minutes=rng.randrange(0, 9 * 60))
    client_id, client_name = rng.choice(clients)
    entry = {
        "id": f"2026-10-{counter:04d}",
        "employeeId": emp["id"],
        "at": at.isoformat(),
        "taskCode": code,
        "source": "automatic" if prefix else "manual",
        "clientId": client_id,
        "clientName": client_name,
    }
    if prefix:
        entry["sourceId"] = f"{prefix}:{counter:05d}"
        entry.pop("minutes", None)
    else:
        entry["minutes"] = max(1, int(rng.gauss(minutes, minutes / 3)))
    if code in ("7.1", "6.2", "1.3", "1.2", "4.5", "6.4") and not prefix:
        entry.pop("clientId")
        entry.pop("clientName")
    if manual_note:
        entry["note"] = manual_note
    entries.append(entry)


def poisson(lam):
    # Knuth's method; small lambdas only.
    import math
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


for emp in employees[:3]:
    joined = dt.date.fromisoformat(emp["joined"])
    worked = [d for d in days if d >= joined]
    for day in worked:
        for code, weight, prefix, minutes in manager_tasks:
            for _ in range(poisson(weight * pace[emp["id"]] * 0.68)):
                add(emp, day, code, prefix, minutes)
    for code, count in monthly_once:
        for _ in range(count):
            add(emp, rng.choice(worked), code, None, 60)

head = employees[3]
for day in days:
    for code, weight, prefix, minutes in head_tasks:
        for _ in range(poisson(weight)):
            add(head, day, code, prefix, minutes)
add(head, days[5], "7.1", None, 180, "Собеседование: менеджер по обслуживанию")
add(head, days[14], "7.1", None, 120, "Собеседование: программист 1С")

entries.sort(key=lambda e: e["at"])
for i, e in enumerate(entries, 1):
    e["id"] = f"2026-10-{i:04d}"

ledger = {
    "month": "2026-10",
    "employees": employees,
    "inputs": {
        "subscriptionVolume": 420000,
        "oneOffVolume": 185000,
        "contractors": 35000,
        "deductions": [
            {"employeeId": employees[1]["id"], "code": "Q1", "count": 1},
            {"employeeId": employees[2]["id"], "code": "Q2", "count": 1},
        ],
    },
    "entries": entries,
}

with open("samples/ledger-2026-10.json", "w", encoding="utf-8") as f:
    json.dump(ledger, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(entries), "entries")
