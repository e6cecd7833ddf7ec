package org.parkhub.journal;

/**
 * A signed customs document as its sender sent it, kept as the evidence its signature proves: its SHA-256 (hex), the
 * text, and what the hub found when it checked the signature ({@code VALID} or {@code INVALID}, and why).
 */
public record SignedDocument(String sha256, String document, String signature, String verdict) {
}
