def hungarian_match(cost):
    """Minimum-cost assignment of targets to predictions: cost is a [predictions][targets] list of lists
    with no more targets than predictions; returns, for each target, the prediction assigned to it.

    The shortest-augmenting-path Hungarian algorithm with potentials (Kuhn-Munkres in Jonker and
    Volgenant's form, O(targets² · predictions)): targets join one at a time, each along the cheapest path
    in reduced costs; on equal costs the lower prediction index wins. The studio's HungarianMatcher is the
    same algorithm step for step, so both choose the same assignment, ties included."""
    predictions = len(cost)
    targets = len(cost[0]) if predictions else 0
    if targets > predictions:
        raise ValueError(f"{targets} targets but only {predictions} predictions to match them to")
    if any(not math.isfinite(c) for row in cost for c in row):
        raise ValueError("a matching cost is not finite")
    target_potential = [0.0] * (targets + 1)
    prediction_potential = [0.0] * (predictions + 1)
    owner = [0] * (predictions + 1)  # 1-based target matched to each 1-based prediction; 0 = free
    previous = [0] * (predictions + 1)
    for target in range(1, targets + 1):
        owner[0] = target
        current = 0
        slack = [math.inf] * (predictions + 1)
        done = [False] * (predictions + 1)
        while True:
            done[current] = True
            row = owner[current]
            delta, chosen = math.inf, 0
            for p in range(1, predictions + 1):
                if not done[p]:
                    reduced = cost[p - 1][row - 1] - target_potential[row] - prediction_potential[p]
                    if reduced < slack[p]:
                        slack[p], previous[p] = reduced, current
                    if slack[p] < delta:
                        delta, chosen = slack[p], p
            for p in range(predictions + 1):
                if done[p]:
                    target_potential[owner[p]] += delta
                    prediction_potential[p] -= delta
                else:
                    slack[p] -= delta
            current = chosen
            if owner[current] == 0:
                break
        while current != 0:  # flip the augmenting path
            before = previous[current]
            owner[current] = owner[before]
            current = before
    assignment = [0] * targets
    for p in range(1, predictions + 1):
        if owner[p] != 0:
            assignment[owner[p] - 1] = p - 1
    return assignment
