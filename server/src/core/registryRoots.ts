/** The registry roots as .reg files name them, and the abbreviations other tools (INF files, reg.exe) use. */

/** Root keys regedit's importer knows (full names only; HKEY_DYN_DATA exists on Windows 9x only). */
export const REGISTRY_ROOTS = ['HKEY_LOCAL_MACHINE', 'HKEY_USERS', 'HKEY_CLASSES_ROOT', 'HKEY_CURRENT_CONFIG', 'HKEY_CURRENT_USER', 'HKEY_DYN_DATA'] as const;

export const ROOT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  HKLM: 'HKEY_LOCAL_MACHINE',
  HKCU: 'HKEY_CURRENT_USER',
  HKCR: 'HKEY_CLASSES_ROOT',
  HKU: 'HKEY_USERS',
  HKCC: 'HKEY_CURRENT_CONFIG',
};
