package io.cmohub.euhub;

/** The gateway's operations, named as in the v1 contract so that logs and errors read the same at every layer. */
public enum EuHubOperation {
    GET_PACK_STATE("GetPackState"),
    GET_PACK_STATES("GetPackStates"),
    GET_BATCH_STATE("GetBatchState"),
    GET_PRODUCT_STATE("GetProductState"),
    GET_UPLOAD_STATUS("GetUploadStatus");

    private final String contractName;

    EuHubOperation(String contractName) {
        this.contractName = contractName;
    }

    public String contractName() {
        return contractName;
    }

    @Override
    public String toString() {
        return contractName;
    }
}
