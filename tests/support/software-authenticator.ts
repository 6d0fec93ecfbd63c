/**
 * A small software passkey authenticator for integration tests: real ES256 keys (node:crypto), real
 * WebAuthn answers ("none" attestation, signed assertions) in the JSON shape @simplewebauthn/browser
 * sends, so the server's checks run exactly as they do for a browser. It can also misbehave on
 * request (wrong origin, no user verification, a tampered signature) to test the refusals.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

interface StoredCredential {
  id: string;
  privateKey: KeyObject;
  rpId: string;
  userHandle: string;
  counter: number;
}

export interface CeremonyTweaks {
  /** The origin the "browser" reports (default: the authenticator's). */
  origin?: string;
  /** Whether the device checked the person (PIN, biometrics); default true. */
  userVerified?: boolean;
  /** Flip a bit in the signature. */
  tamperSignature?: boolean;
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

const sha256 = (data: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(createHash("sha256").update(data).digest());
const utf8 = (text: string) => new TextEncoder().encode(text);

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function uint32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

export class SoftwareAuthenticator {
  readonly credentials = new Map<string, StoredCredential>();

  constructor(readonly origin = "http://localhost:3000") {}

  private authenticatorData(rpId: string, counter: number, userVerified: boolean, attested?: Uint8Array): Uint8Array<ArrayBuffer> {
    const flags = FLAG_UP | (userVerified ? FLAG_UV : 0) | (attested ? FLAG_AT : 0);
    return concat(sha256(utf8(rpId)), new Uint8Array([flags]), uint32(counter), attested ?? new Uint8Array());
  }

  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string): string {
    return isoBase64URL.fromUTF8String(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** Creates a discoverable passkey for the options' site and user, and answers as `navigator.credentials.create()`. */
  register(options: PublicKeyCredentialCreationOptionsJSON, tweaks: CeremonyTweaks = {}): RegistrationResponseJSON {
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" });
    const cosePublicKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, isoBase64URL.toBuffer(jwk.x ?? "")],
        [-3, isoBase64URL.toBuffer(jwk.y ?? "")],
      ]),
    );
    const credentialId = new Uint8Array(randomBytes(32));
    const idLength = new Uint8Array([credentialId.length >> 8, credentialId.length & 0xff]);
    const attested = concat(new Uint8Array(16), idLength, credentialId, cosePublicKey);
    const authData = this.authenticatorData(rpId, 0, tweaks.userVerified ?? true, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", authData],
      ]),
    );
    const id = isoBase64URL.fromBuffer(credentialId);
    this.credentials.set(id, { id, privateKey, rpId, userHandle: options.user.id, counter: 0 });
    return {
      id,
      rawId: id,
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: this.clientData("webauthn.create", options.challenge, tweaks.origin ?? this.origin),
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        transports: ["internal"],
      },
    };
  }

  /**
   * Answers as `navigator.credentials.get()` with `credentialId` (default: the first allowed, or for a
   * discoverable sign-in the first held for the site), moving its counter on.
   */
  authenticate(options: PublicKeyCredentialRequestOptionsJSON, credentialId?: string, tweaks: CeremonyTweaks = {}): AuthenticationResponseJSON {
    const rpId = options.rpId ?? new URL(this.origin).hostname;
    const allowed = options.allowCredentials?.map((c) => c.id);
    const chosen =
      (credentialId && this.credentials.get(credentialId)) ||
      [...this.credentials.values()].find((c) => c.rpId === rpId && (!allowed?.length || allowed.includes(c.id)));
    if (!chosen) throw new Error("the software authenticator holds no passkey for this request");
    chosen.counter += 1;
    const authData = this.authenticatorData(rpId, chosen.counter, tweaks.userVerified ?? true);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, tweaks.origin ?? this.origin);
    const signature = new Uint8Array(sign("sha256", concat(authData, sha256(isoBase64URL.toBuffer(clientDataJSON))), chosen.privateKey));
    if (tweaks.tamperSignature) signature[8] = (signature[8] ?? 0) ^ 0x01;
    return {
      id: chosen.id,
      rawId: chosen.id,
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON,
        authenticatorData: isoBase64URL.fromBuffer(authData),
        signature: isoBase64URL.fromBuffer(signature),
        userHandle: chosen.userHandle,
      },
    };
  }
}
