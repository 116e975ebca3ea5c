// SPDX-License-Identifier: EUPL-1.2
#include <cfp/error.hpp>
#include <cfp/util/digest.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <istream>
#include <iterator>
#include <sstream>
#include <string>

namespace cfp::test {
namespace {

using util::HashingStreambuf;
using util::Sha256;

// FIPS 180-2, appendix B (and the empty message).
constexpr auto k_empty_sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr auto k_abc_sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr auto k_448_bits = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
constexpr auto k_448_bits_sha256 = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
constexpr auto k_million_a_sha256 = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

std::string sha256_of(const std::string& text)
{
  Sha256 hash;
  hash.update(text.data(), text.size());
  return hash.hex();
}

// Bytes that exercise a byte-exact pass-through: every byte value, CRLF, NUL, more than
// three 64 KiB buffers.
std::string binary_input()
{
  std::string text;
  for (int round = 0; round < 800; ++round) {
    for (int byte = 0; byte < 256; ++byte) {
      text += static_cast<char>(byte);
    }
    text += "\r\n";
  }
  return text;
}

TEST(Sha256Test, TheEmptyMessageHasTheFipsDigest)
{
  Sha256 hash;
  EXPECT_EQ(hash.hex(), k_empty_sha256);
  EXPECT_EQ(sha256_of(""), k_empty_sha256);
}

TEST(Sha256Test, AbcHasTheFipsDigest)
{
  EXPECT_EQ(sha256_of("abc"), k_abc_sha256);
}

TEST(Sha256Test, TheFips448BitMessageHasItsDigest)
{
  EXPECT_EQ(sha256_of(k_448_bits), k_448_bits_sha256);
}

TEST(Sha256Test, OneMillionAHasTheFipsDigest)
{
  EXPECT_EQ(sha256_of(std::string(1'000'000, 'a')), k_million_a_sha256);
}

TEST(Sha256Test, TheDigestIsSixtyFourLowercaseHexDigits)
{
  const auto hex = sha256_of("cfp");
  ASSERT_EQ(hex.size(), 64u);
  EXPECT_EQ(hex.find_first_not_of("0123456789abcdef"), std::string::npos) << hex;
}

TEST(Sha256Test, FeedingInPiecesGivesTheSameDigestAsAllAtOnce)
{
  const std::string million(1'000'000, 'a');
  for (const std::size_t piece : {std::size_t{1}, std::size_t{3}, std::size_t{63}, std::size_t{64}, std::size_t{65},
                                  std::size_t{4096}, std::size_t{65536}, std::size_t{999'999}}) {
    Sha256 hash;
    for (std::size_t offset = 0; offset < million.size(); offset += piece) {
      hash.update(million.data() + offset, std::min(piece, million.size() - offset));
    }
    EXPECT_EQ(hash.hex(), k_million_a_sha256) << "pieces of " << piece;
  }
}

TEST(Sha256Test, FeedingNothingChangesNothing)
{
  Sha256 hash;
  hash.update("a", 0);
  hash.update("abc", 3);
  hash.update("", 0);
  EXPECT_EQ(hash.hex(), k_abc_sha256);
}

TEST(Sha256Test, NulBytesAreHashedLikeAnyOther)
{
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(sha256_of(with_nul), sha256_of("ab"));
  EXPECT_EQ(sha256_of(with_nul), sha256_of(std::string("a") + '\0' + "b"));
}

TEST(Sha256Test, HexCalledTwiceReturnsTheSameDigest)
{
  // nettle starts a new hash when the digest is taken: a second call once returned the digest
  // of the empty message.
  Sha256 hash;
  hash.update("abc", 3);
  EXPECT_EQ(hash.hex(), k_abc_sha256);
  EXPECT_EQ(hash.hex(), k_abc_sha256);
  EXPECT_EQ(hash.hex(), k_abc_sha256);
}

TEST(Sha256Test, UpdateAfterHexIsAnInternalError)
{
  Sha256 hash;
  hash.update("abc", 3);
  ASSERT_EQ(hash.hex(), k_abc_sha256);
  try {
    hash.update("d", 1);
    FAIL() << "update after hex() was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::internal);
    EXPECT_STREQ(error.what(), "a SHA-256 was fed after its digest was taken");
  }
  // The refused bytes are not in the digest.
  EXPECT_EQ(hash.hex(), k_abc_sha256);
}

TEST(Sha256Test, UpdateAfterTheDigestOfTheEmptyMessageIsRefusedToo)
{
  Sha256 hash;
  ASSERT_EQ(hash.hex(), k_empty_sha256);
  try {
    hash.update("", 0);
    FAIL() << "update after hex() was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::internal);
    EXPECT_STREQ(error.what(), "a SHA-256 was fed after its digest was taken");
  }
}

TEST(HashingStreambufTest, PassesEveryByteThroughUnchanged)
{
  const std::string input = binary_input();
  ASSERT_GT(input.size(), std::size_t{3} << 16);
  std::stringbuf source(input);
  HashingStreambuf hashing(source);
  std::istream in(&hashing);
  const std::string read(std::istreambuf_iterator<char>(in), {});
  EXPECT_EQ(read, input);
  EXPECT_EQ(hashing.bytes(), input.size());
  EXPECT_EQ(hashing.hex(), sha256_of(input));
}

TEST(HashingStreambufTest, HashesAndCountsWhatWasRead)
{
  std::stringbuf source(std::string(1'000'000, 'a'));
  HashingStreambuf hashing(source);
  std::istream in(&hashing);
  std::string chunk(1000, '\0');
  std::size_t total = 0;
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    total += static_cast<std::size_t>(in.gcount());
  }
  EXPECT_EQ(total, 1'000'000u);
  EXPECT_EQ(hashing.bytes(), 1'000'000u);
  EXPECT_EQ(hashing.hex(), k_million_a_sha256);
}

TEST(HashingStreambufTest, AnEmptySourceHasTheEmptyDigestAndNoByte)
{
  std::stringbuf source("");
  HashingStreambuf hashing(source);
  std::istream in(&hashing);
  EXPECT_EQ(in.get(), std::char_traits<char>::eof());
  hashing.drain();
  EXPECT_EQ(hashing.bytes(), 0u);
  EXPECT_EQ(hashing.hex(), k_empty_sha256);
}

TEST(HashingStreambufTest, DrainHashesTheRestSoTheDigestCoversTheWholeInput)
{
  const std::string input = binary_input();
  std::stringbuf source(input);
  HashingStreambuf hashing(source);
  std::istream in(&hashing);
  // The reader stops early, in the middle of the first buffer.
  std::string start(10, '\0');
  ASSERT_TRUE(in.read(start.data(), static_cast<std::streamsize>(start.size())));
  EXPECT_EQ(start, input.substr(0, 10));

  hashing.drain();
  EXPECT_EQ(hashing.bytes(), input.size());
  EXPECT_EQ(hashing.hex(), sha256_of(input));
}

TEST(HashingStreambufTest, DrainAfterReadingNothingHashesEverything)
{
  std::stringbuf source("abc");
  HashingStreambuf hashing(source);
  hashing.drain();
  EXPECT_EQ(hashing.bytes(), 3u);
  EXPECT_EQ(hashing.hex(), k_abc_sha256);
}

TEST(HashingStreambufTest, DrainAfterReadingEverythingChangesNothing)
{
  std::stringbuf source(k_448_bits);
  HashingStreambuf hashing(source);
  std::istream in(&hashing);
  const std::string read(std::istreambuf_iterator<char>(in), {});
  ASSERT_EQ(read, k_448_bits);
  hashing.drain();
  hashing.drain();
  EXPECT_EQ(hashing.bytes(), read.size());
  EXPECT_EQ(hashing.hex(), k_448_bits_sha256);
}

TEST(HashingStreambufTest, AStopAtABufferBoundaryIsDrainedExactly)
{
  const std::string input(std::size_t{3} << 16, 'a');
  std::stringbuf source(input);
  HashingStreambuf hashing(source);
  std::istream in(&hashing);
  // Exactly one buffer read: nothing of it is left when the reader stops.
  std::string first(std::size_t{1} << 16, '\0');
  ASSERT_TRUE(in.read(first.data(), static_cast<std::streamsize>(first.size())));
  hashing.drain();
  EXPECT_EQ(hashing.bytes(), input.size());
  EXPECT_EQ(hashing.hex(), sha256_of(input));
}

TEST(HashingStreambufTest, HexCalledTwiceReturnsTheSameDigest)
{
  std::stringbuf source("abc");
  HashingStreambuf hashing(source);
  hashing.drain();
  EXPECT_EQ(hashing.hex(), k_abc_sha256);
  EXPECT_EQ(hashing.hex(), k_abc_sha256);
}

} // namespace
} // namespace cfp::test
