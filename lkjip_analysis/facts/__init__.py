"""Analysis-ready facts: one value per fact, chosen by documented rules, built after the audit."""
