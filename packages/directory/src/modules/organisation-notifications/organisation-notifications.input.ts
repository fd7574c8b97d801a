import { IsEmail, IsUrl, MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

@InputType('UpdateOrganisationNotificationsInput', { description: 'Only the fields you send change; null clears one.' })
export class UpdateOrganisationNotificationsInput {
  @Field(() => String, { nullable: true })
  @IsEmail()
  @MaxLength(254)
  referralEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL.' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(500)
  webhookUrl?: string | null;

  @Field(() => Int, { description: "The organisation's version you read." })
  version!: number;
}
