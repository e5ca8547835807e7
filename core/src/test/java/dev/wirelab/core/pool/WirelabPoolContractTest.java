package dev.wirelab.core.pool;

/** The lab's {@link Pool} against the pool contract. */
class WirelabPoolContractTest extends PoolContract {
    @Override protected PoolUnderTest createPool(ResourceFactory f, int maxSize) { return new WirelabPoolAdapter(f, maxSize); }
}
