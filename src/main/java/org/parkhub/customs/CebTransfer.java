package org.parkhub.customs;

/** Who transfers a declaration ({@code BaseTransfer}): the declaring firm and its DXP node. */
public record CebTransfer(String copCode, String copName, String dxpId) {
}
