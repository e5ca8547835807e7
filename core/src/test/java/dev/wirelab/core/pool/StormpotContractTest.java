package dev.wirelab.core.pool;

/** Stormpot's pool against the pool contract. */
class StormpotContractTest extends PoolContract {
    @Override protected PoolUnderTest createPool(ResourceFactory f, int maxSize) { return new StormpotAdapter(f, maxSize); }
}
