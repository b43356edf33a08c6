"""The question bank: its model, reading the YAML files with file:line for every value,
checking their shape, and building the bank (questions, fit, rule sets, advice)."""
