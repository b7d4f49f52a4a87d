class ReversePermutation(nn.Module):
    """Reverses the order of the features (block type `reverse_perm`), so that the next coupling conditions
    on the other half; a permutation, so its log-determinant is 0. Its own inverse."""

    def forward(self, x):
        return x.flip(1), torch.zeros_like(x[:, 0])

    def inverse(self, z):
        """The x with forward(x)[0] == z."""
        return z.flip(1)
