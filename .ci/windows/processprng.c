/*
 * TEST PREFIX ONLY - never shipped, never in the MSI.
 *
 * Go >= 1.22 gets random bytes from ProcessPrng in bcryptprimitives.dll, which
 * every supported Windows has but Debian 12's Wine 8 lacks: the exe would die at
 * start ("bcryptprimitives.dll not found"). The smoke test builds this stand-in
 * with mingw-w64 and copies it into the throwaway Wine prefix's system32:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll processprng.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x10000000 ? 0x10000000 : (ULONG)size;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
