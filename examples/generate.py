#!/usr/bin/python3
"""Writes the example pair examples/reference.csv and examples/current.csv (credit-risk-like loan applications).

The current data is drawn from the same process as the reference except that applicants are older (age +6 years on
average) and earn less (income x 0.8), with a few more missing incomes; every other column keeps its distribution.
Deterministic: a fixed seed, numpy's PCG64 generator.

Run: /usr/bin/python3 examples/generate.py   (numpy from Debian's python3-numpy)
"""
import csv
import os

import numpy as np

SEED = 20261127
EMPLOYMENT = ["salaried", "self_employed", "unemployed", "retired"]
DEVICES = ["desktop", "mobile", "tablet"]


def applicants(rng, n, age_shift=0.0, income_factor=1.0, income_missing=0.01):
    age = np.clip(np.round(rng.normal(41 + age_shift, 11, n)), 18, 85).astype(int)
    employment = rng.choice(EMPLOYMENT, n, p=[0.62, 0.2, 0.06, 0.12])
    base = rng.lognormal(mean=np.log(52000), sigma=0.45, size=n)
    base = np.where(employment == "unemployed", base * 0.25, base)
    base = np.where(employment == "retired", base * 0.6, base)
    income = np.round(base * income_factor, -1)
    debt_to_income = np.round(rng.beta(2.2, 6.5, n), 4)
    credit_history_months = np.clip(np.round((age - 18) * 12 * rng.uniform(0.3, 1.0, n)), 0, None).astype(int)
    num_open_accounts = rng.poisson(3.2, n)
    loan_amount = np.round(np.clip(rng.lognormal(np.log(12000), 0.7, n), 500, 150000), -2)
    device = rng.choice(DEVICES, n, p=[0.45, 0.45, 0.10])
    missing = rng.random(n) < income_missing
    rows = []
    for i in range(n):
        rows.append([
            age[i],
            "" if missing[i] else f"{income[i]:.0f}",
            f"{debt_to_income[i]:.4f}",
            credit_history_months[i],
            num_open_accounts[i],
            f"{loan_amount[i]:.0f}",
            employment[i],
            device[i],
        ])
    return rows


def write(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["age", "income", "debt_to_income", "credit_history_months", "num_open_accounts",
                    "loan_amount", "employment_type", "device_type"])
        w.writerows(rows)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rng = np.random.default_rng(SEED)
    write(os.path.join(here, "reference.csv"), applicants(rng, 2000))
    write(os.path.join(here, "current.csv"), applicants(rng, 1500, age_shift=6.0, income_factor=0.8, income_missing=0.03))


if __name__ == "__main__":
    main()
