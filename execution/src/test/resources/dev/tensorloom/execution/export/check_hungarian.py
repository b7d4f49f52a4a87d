"""Runs the exported package's hungarian_match (the helper file given first) on every cost matrix of the
JSON file given second and prints the assignments as one JSON list."""
import json
import math
import sys


def main():
    namespace = {"math": math}
    with open(sys.argv[1]) as helper:
        exec(helper.read(), namespace)
    with open(sys.argv[2]) as matrices:
        costs = json.load(matrices)
    print(json.dumps([namespace["hungarian_match"](cost) for cost in costs]))


if __name__ == "__main__":
    main()
