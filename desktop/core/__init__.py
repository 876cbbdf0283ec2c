"""The recovery domain without Qt: cases, playbook, budget policy, money and vouchers."""
