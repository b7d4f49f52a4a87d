package dev.tensorloom.model.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The type of a value on a wire: element type and symbolic shape, printed as {@code [B, T, 256]}. */
public record TensorType(DType dtype, List<Dim> dims) {
    public TensorType {
        Objects.requireNonNull(dtype, "dtype");
        dims = List.copyOf(dims);
    }

    public static TensorType of(DType dtype, Dim... dims) {
        return new TensorType(dtype, List.of(dims));
    }

    public static TensorType f32(Dim... dims) {
        return new TensorType(DType.FLOAT32, List.of(dims));
    }

    public int rank() {
        return dims.size();
    }

    public Dim dim(int i) {
        return dims.get(i < 0 ? dims.size() + i : i);
    }

    public Dim last() {
        return dims.get(dims.size() - 1);
    }

    public TensorType withDims(List<Dim> newDims) {
        return new TensorType(dtype, newDims);
    }

    public TensorType withLast(Dim d) {
        List<Dim> copy = new ArrayList<>(dims);
        copy.set(copy.size() - 1, d);
        return new TensorType(dtype, copy);
    }

    public TensorType withDtype(DType newType) {
        return new TensorType(newType, dims);
    }

    /**
     * Number of elements for one example: the first dimension is the batch and is left out; named
     * dimensions other than the batch count as {@code unknownAs}.
     */
    public long elementsPerExample(long unknownAs) {
        long n = 1;
        for (int i = 1; i < dims.size(); i++) {
            n *= dims.get(i).sizeOr(unknownAs);
        }
        return n;
    }

    /** Whether every dimension after the batch is known. */
    public boolean isConcreteAfterBatch() {
        return dims.stream().skip(1).allMatch(Dim::isFixed);
    }

    @Override
    public String toString() {
        return dims.stream().map(Dim::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
