/** Decides who may see tenant-wide figures (product.md: security staff only). */
export interface SecurityStaff {
  isSecurityStaff(aadObjectId: string | undefined): boolean;
}

/** A fixed set of object ids: the holders of the security roles named in the company profile. */
export class StaticSecurityStaff implements SecurityStaff {
  private readonly ids: ReadonlySet<string>;
  constructor(objectIds: Iterable<string>) {
    this.ids = new Set([...objectIds].map((id) => id.toLowerCase()));
  }
  isSecurityStaff(aadObjectId: string | undefined): boolean {
    return aadObjectId !== undefined && this.ids.has(aadObjectId.toLowerCase());
  }
}
