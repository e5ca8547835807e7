package dev.wirelab.core.pool;

/** Apache commons-pool2's {@code GenericObjectPool} against the pool contract. */
class CommonsPool2ContractTest extends PoolContract {
    @Override protected PoolUnderTest createPool(ResourceFactory f, int maxSize) { return new CommonsPool2Adapter(f, maxSize); }
}
